/**
 * The demo market: real poverty counties (GB/T 2260), the kind of produce they
 * sell, and the people who sell and buy it. Used only by DemoSeedService.
 */
import type { CreateListingDto } from '@farmlink/catalog';

export const DEMO_PASSWORD = 'farmlink-demo';
export const DEMO_DOMAIN = 'demo.farmlink.cn';

export const DEMO_COUNTIES = [
  { code: '520322', villages: ['花秋镇石坎村', '九坝镇山堡村', '娄山关镇'] }, // 桐梓县, 贵州
  { code: '522634', villages: ['西江镇', '丹江镇乌开村', '郎德镇'] }, // 雷山县, 贵州
  { code: '520324', villages: ['安场镇', '瑞溪镇'] }, // 正安县, 贵州
  { code: '410225', villages: ['东坝头镇张庄村', '仪封乡'] }, // 兰考县, 河南
  { code: '130131', villages: ['西柏坡镇', '岗南镇'] }, // 平山县, 河北
  { code: '621126', villages: ['梅川镇', '西江镇'] }, // 岷县, 甘肃
] as const;

export type DemoProduct = Pick<CreateListingDto, 'title' | 'category' | 'unit' | 'netWeightGrams' | 'priceCents'> & {
  description: string;
  county: string;
  colour: string;
};

export const DEMO_PRODUCTS: DemoProduct[] = [
  { title: '红心猕猴桃 5斤装', description: '高山种植，自然成熟，酸甜多汁。', category: 'fruit', unit: 'box', netWeightGrams: 2500, priceCents: 5980, county: '520322', colour: '#7cb342' },
  { title: '方竹笋干', description: '娄山关野生方竹笋，晒干保存。', category: 'vegetables', unit: 'bag', netWeightGrams: 500, priceCents: 6800, county: '520322', colour: '#c0a062' },
  { title: '桐梓蜂蜜', description: '山花百花蜜，农家土法割蜜。', category: 'processed', unit: 'jar', netWeightGrams: 1000, priceCents: 8800, county: '520322', colour: '#f9a825' },
  { title: '农家土鸡蛋 30枚', description: '林下散养，每日现捡。', category: 'eggs_dairy', unit: 'box', netWeightGrams: 1500, priceCents: 4500, county: '520322', colour: '#f5deb3' },
  { title: '雷山银球茶', description: '雷公山高山云雾茶，手工揉制成球。', category: 'tea', unit: 'box', netWeightGrams: 250, priceCents: 12800, county: '522634', colour: '#558b2f' },
  { title: '苗绣手工香囊', description: '西江苗寨绣娘手工刺绣。', category: 'handicraft', unit: 'piece', netWeightGrams: 50, priceCents: 6800, county: '522634', colour: '#c62828' },
  { title: '稻花鱼 (腌制)', description: '稻田放养，传统腌制。', category: 'aquatic', unit: 'bag', netWeightGrams: 500, priceCents: 7500, county: '522634', colour: '#4e7fa8' },
  { title: '雷山天麻', description: '林下仿野生种植，切片烘干。', category: 'herbs_fungi', unit: 'bag', netWeightGrams: 250, priceCents: 9900, county: '522634', colour: '#8d6e63' },
  { title: '正安白茶', description: '明前采摘，一芽一叶。', category: 'tea', unit: 'box', netWeightGrams: 250, priceCents: 15800, county: '520324', colour: '#9ccc65' },
  { title: '野木耳', description: '椴木栽培黑木耳，肉厚无沙。', category: 'herbs_fungi', unit: 'bag', netWeightGrams: 500, priceCents: 5600, county: '520324', colour: '#3e2723' },
  { title: '正安腊肉', description: '柴火熏制，肥瘦相间。', category: 'processed', unit: 'kg', netWeightGrams: 1000, priceCents: 9800, county: '520324', colour: '#a1453a' },
  { title: '兰考蜜瓜', description: '沙地种植，香甜脆爽。', category: 'fruit', unit: 'box', netWeightGrams: 5000, priceCents: 6900, county: '410225', colour: '#dce775' },
  { title: '兰考红薯粉条', description: '纯红薯淀粉，不加明矾。', category: 'processed', unit: 'bag', netWeightGrams: 1000, priceCents: 3600, county: '410225', colour: '#9e9d24' },
  { title: '黄河滩小麦粉', description: '石磨低温研磨全麦粉。', category: 'grain', unit: 'bag', netWeightGrams: 5000, priceCents: 4200, county: '410225', colour: '#e6c07b' },
  { title: '平山核桃', description: '太行山薄皮核桃，当季新货。', category: 'nuts_seeds', unit: 'bag', netWeightGrams: 1000, priceCents: 4800, county: '130131', colour: '#a1887f' },
  { title: '西柏坡小米', description: '黄金小米，熬粥起油。', category: 'grain', unit: 'bag', netWeightGrams: 2500, priceCents: 3900, county: '130131', colour: '#fbc02d' },
  { title: '山地土豆', description: '沙土种植，面糯可口。', category: 'vegetables', unit: 'box', netWeightGrams: 5000, priceCents: 2900, county: '130131', colour: '#bcaaa4' },
  { title: '岷县当归', description: '岷归道地药材，头大身短。', category: 'herbs_fungi', unit: 'bag', netWeightGrams: 500, priceCents: 8800, county: '621126', colour: '#6d4c41' },
  { title: '高原土鸡', description: '散养一年以上，整只冷鲜。', category: 'livestock', unit: 'piece', netWeightGrams: 1500, priceCents: 12800, county: '621126', colour: '#ef6c00' },
  { title: '岷县蚕豆', description: '高原蚕豆，颗粒饱满。', category: 'nuts_seeds', unit: 'bag', netWeightGrams: 2000, priceCents: 3200, county: '621126', colour: '#689f38' },
];

export const FARMER_NAMES = ['王芳', '李伟', '张秀英', '刘洋', '陈静', '杨勇', '赵丽', '黄强', '周敏', '吴磊', '徐娟', '孙涛', '马艳', '朱军', '胡霞', '郭斌', '何琳', '高峰'];
export const BUYER_NAMES = ['林晓', '钱多多', '宋佳', '郑好', '谢晨', '韩梅', '唐宁', '冯雪', '于洋', '董欣', '萧然', '程诚', '曹敏', '袁媛', '邓超', '许诺', '傅红', '沈阳', '曾可', '彭湃'];
export const CITY_ADDRESSES = [
  { countyCode: '110105', line1: '朝阳区建国路 88 号 3 单元 501' },
  { countyCode: '310104', line1: '徐汇区漕溪北路 18 号 1202 室' },
  { countyCode: '440106', line1: '天河区体育西路 191 号 2 座 803' },
  { countyCode: '330106', line1: '西湖区文三路 90 号 6 幢 401' },
  { countyCode: '510107', line1: '武侯区人民南路四段 27 号' },
];

/** A simple, friendly product picture (no text, so no fonts needed). */
export function productSvg(colour: string, seed: number): string {
  const r = 150 + (seed % 5) * 12;
  const cx = 360 + (seed % 7) * 12;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="720" viewBox="0 0 960 720">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fdf8ec"/><stop offset="1" stop-color="#efe3c8"/></linearGradient>
  <radialGradient id="fruit" cx="0.35" cy="0.3" r="0.8"><stop offset="0" stop-color="#ffffff" stop-opacity="0.55"/><stop offset="0.35" stop-color="${colour}"/><stop offset="1" stop-color="${colour}" stop-opacity="0.85"/></radialGradient></defs>
  <rect width="960" height="720" fill="url(#bg)"/>
  <ellipse cx="480" cy="600" rx="330" ry="46" fill="#000" opacity="0.08"/>
  <rect x="150" y="470" width="660" height="120" rx="24" fill="#b08a5a"/>
  <rect x="150" y="470" width="660" height="26" rx="12" fill="#c9a473"/>
  <circle cx="${cx}" cy="${420 - r / 3}" r="${r}" fill="url(#fruit)"/>
  <circle cx="${cx + r + 40}" cy="${450 - r / 4}" r="${r * 0.7}" fill="url(#fruit)" opacity="0.95"/>
  <path d="M ${cx - 10} ${300 - r / 3} q 60 -90 150 -70 q -60 70 -150 70 z" fill="#43a047"/>
</svg>`;
}

/**
 * The selling units farmers use most, with their Chinese and English names.
 * A unit typed in either language (or an alias) shows in the reader's language;
 * anything else is free text and shows as typed.
 */
export const UNITS: { zh: string; en: string; aliases?: string[] }[] = [
  { zh: '箱', en: 'box', aliases: ['boxes', 'case'] },
  { zh: '袋', en: 'bag', aliases: ['bags', 'sack'] },
  { zh: '斤', en: 'jin', aliases: ['catty', '市斤'] },
  { zh: '公斤', en: 'kg', aliases: ['千克', 'kilogram', 'kilo', 'kgs'] },
  { zh: '克', en: 'g', aliases: ['gram', 'grams'] },
  { zh: '两', en: 'liang', aliases: ['tael'] },
  { zh: '吨', en: 'tonne', aliases: ['ton', 't'] },
  { zh: '个', en: 'piece', aliases: ['pieces', 'pc', 'pcs', 'each'] },
  { zh: '件', en: 'item', aliases: ['items'] },
  { zh: '包', en: 'pack', aliases: ['packet', 'packs'] },
  { zh: '盒', en: 'carton', aliases: ['cartons'] },
  { zh: '瓶', en: 'bottle', aliases: ['bottles'] },
  { zh: '罐', en: 'jar', aliases: ['jars', 'can'] },
  { zh: '筐', en: 'basket', aliases: ['baskets'] },
  { zh: '捆', en: 'bundle', aliases: ['bundles'] },
  { zh: '把', en: 'bunch', aliases: ['bunches'] },
  { zh: '串', en: 'string', aliases: ['strings'] },
  { zh: '只', en: 'bird', aliases: ['birds'] },
  { zh: '头', en: 'head' },
  { zh: '条', en: 'fish', aliases: ['条鱼'] },
  { zh: '打', en: 'dozen', aliases: ['dozens'] },
  { zh: '升', en: 'litre', aliases: ['liter', 'l'] },
  { zh: '份', en: 'portion', aliases: ['portions', 'serving'] },
  { zh: '套', en: 'set', aliases: ['sets'] },
];

const BY_NAME = new Map<string, (typeof UNITS)[number]>();
for (const u of UNITS) for (const name of [u.zh, u.en, ...(u.aliases ?? [])]) BY_NAME.set(name.toLowerCase(), u);

/** The unit in `lang` when it is a known one ("box" → "箱" in Chinese, "箱" → "box" in English), else as typed. */
export function unitName(unit: string, lang: 'zh' | 'en'): string {
  const known = BY_NAME.get(unit.trim().toLowerCase());
  return known ? known[lang] : unit;
}

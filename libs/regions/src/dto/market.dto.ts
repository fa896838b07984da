import { ApiProperty } from '@nestjs/swagger';

export class MarketDto {
  @ApiProperty({ example: 'cn', description: 'The market code; cn is the default' }) code: string;
  @ApiProperty({ example: 'CN', description: 'ISO 3166-1 alpha-2' }) country: string;
  @ApiProperty({ example: 'CNY', description: 'ISO 4217: every amount in this market is in minor units of it' }) currency: string;
  @ApiProperty({ example: 'Asia/Shanghai', description: "IANA zone of the market's report dates" }) timeZone: string;
  @ApiProperty({ type: [String], example: ['zh-CN', 'en'], description: "The market's languages, its first first" }) locales: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { province: 'province', prefecture: 'prefecture', county: 'county' },
    description: "The levels the market's regions use (province, prefecture, county: the top first) and the market's own name of each, e.g. { county: 'county' } for Kenya's 47 counties. Not in contract v1.1; an addition for the web app's region pickers",
  })
  levelNames: Record<string, string>;
}

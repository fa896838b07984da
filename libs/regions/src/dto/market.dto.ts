import { ApiProperty } from '@nestjs/swagger';

export class MarketDto {
  @ApiProperty({ example: 'cn', description: 'The market code; cn is the default' }) code: string;
  @ApiProperty({ example: 'CN', description: 'ISO 3166-1 alpha-2' }) country: string;
  @ApiProperty({ example: 'CNY', description: 'ISO 4217: every amount in this market is in minor units of it' }) currency: string;
  @ApiProperty({ example: 'Asia/Shanghai', description: "IANA zone of the market's report dates" }) timeZone: string;
  @ApiProperty({ type: [String], example: ['zh-CN', 'en'], description: "The market's languages, its first first" }) locales: string[];
}

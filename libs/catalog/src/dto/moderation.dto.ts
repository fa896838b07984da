import { ApiProperty } from '@nestjs/swagger';

export class TakedownDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['removed'] }) status: 'removed';
  @ApiProperty() removalReason: string;
  @ApiProperty() removedAt: Date;
}

import { STAFF_ROLES } from '@farmlink/shared';
import { EmailField, EnumField, MarketCodeField, NewPasswordField, RegionCodeField, TextField } from '@farmlink/common';


export class CreateStaffUserDto {
  @EmailField()
  email: string;

  @NewPasswordField({ minLength: 8 })
  password: string;

  @TextField({ min: 1, max: 100 })
  displayName: string;

  @EnumField(STAFF_ROLES, { name: 'role' }, { enumName: 'StaffRole' })
  role: (typeof STAFF_ROLES)[number];

  @RegionCodeField(
    { name: 'jurisdictionCode', optional: true },
    { description: 'Officer: region (province, prefecture or county) whose reports they may see', example: '520000' },
  )
  jurisdictionCode?: string;

  @MarketCodeField(
    { name: 'marketCode', optional: true },
    { description: "The market the account serves (default: its jurisdiction's, else cn); an officer's reports are that market's", example: 'cn' },
  )
  marketCode?: string;
}

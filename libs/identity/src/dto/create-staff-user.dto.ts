import { STAFF_ROLES } from '@farmlink/shared';
import { EmailField, EnumField, NewPasswordField, RegionCodeField, TextField } from '@farmlink/common';


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
}

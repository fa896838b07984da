import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@farmlink/common';
import { inTransaction } from '@farmlink/database';
import { MarketsService, RegionsService } from '@farmlink/regions';
import { BadRequestError, DEFAULT_MARKET, isAddressPhone } from '@farmlink/shared';
import { isPhoneNumber } from 'class-validator';
import type { Address } from './address.repository';
import { AddressRepository } from './address.repository';
import type { CreateAddressDto, UpdateAddressDto } from './dto/address.dto';
import { AddressBookFullError, AddressNotFoundError, UnknownCountyError } from './identity.errors';

export const MAX_ADDRESSES = 20;

/**
 * A buyer's address book. Exactly one address is the default whenever there is
 * any: the first one is; making another the default clears the old one;
 * deleting (or un-defaulting) the default hands it to the oldest other address.
 * Every change locks the owner's book first.
 */
@Injectable()
export class AddressBookService {
  constructor(
    private readonly addresses: AddressRepository,
    private readonly regions: RegionsService,
    private readonly markets: MarketsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  list(caller: AuthUser): Promise<Address[]> {
    return this.addresses.list(this.db.manager, caller.id);
  }

  async create(caller: AuthUser, dto: CreateAddressDto): Promise<Address> {
    await this.checkCounty(dto.countyCode);
    await this.checkPhone(dto.phone, dto.countyCode);
    return inTransaction(this.db, async (m) => {
      await this.addresses.lockBook(m, caller.id);
      const count = await this.addresses.count(m, caller.id);
      if (count >= MAX_ADDRESSES) throw new AddressBookFullError(MAX_ADDRESSES);
      const isDefault = count === 0 || dto.isDefault === true;
      if (isDefault) await this.addresses.clearDefault(m, caller.id);
      return this.addresses.insert(m, caller.id, dto, isDefault);
    });
  }

  async update(caller: AuthUser, id: string, dto: UpdateAddressDto): Promise<Address> {
    if (dto.countyCode !== undefined) await this.checkCounty(dto.countyCode);
    return inTransaction(this.db, async (m) => {
      await this.addresses.lockBook(m, caller.id);
      const before = await this.addresses.find(m, caller.id, id);
      if (!before) throw new AddressNotFoundError(id);
      if (dto.phone !== undefined || dto.countyCode !== undefined) await this.checkPhone(dto.phone ?? before.phone, dto.countyCode ?? before.countyCode);
      if (dto.isDefault === true && !before.isDefault) await this.addresses.clearDefault(m, caller.id);
      // Un-defaulting the default: the oldest other address takes it; alone, it stays the default.
      const handOver = dto.isDefault === false && before.isDefault && (await this.addresses.count(m, caller.id)) > 1;
      const isDefault = dto.isDefault === false && !handOver ? undefined : dto.isDefault;
      const after = (await this.addresses.update(m, caller.id, id, { ...dto, isDefault }))!;
      if (handOver) await this.addresses.promoteOldest(m, caller.id, id);
      return after;
    });
  }

  async remove(caller: AuthUser, id: string): Promise<void> {
    await inTransaction(this.db, async (m) => {
      await this.addresses.lockBook(m, caller.id);
      const before = await this.addresses.find(m, caller.id, id);
      if (!before || !(await this.addresses.delete(m, caller.id, id))) throw new AddressNotFoundError(id);
      if (before.isDefault) await this.addresses.promoteOldest(m, caller.id, null);
    });
  }

  /**
   * The delivery phone of an address in the county's market: in cn a mainland mobile number (11 digits,
   * 13x–19x: couriers text it), elsewhere a valid number of the market's country (libphonenumber's
   * plan, through class-validator's isPhoneNumber), e.g. 0712 345678 or +254 712 345678 in Kenya.
   */
  private async checkPhone(phone: string, countyCode: string): Promise<void> {
    const marketCode = (await this.regions.marketOf(countyCode)) ?? DEFAULT_MARKET;
    if (marketCode === DEFAULT_MARKET) {
      if (!isAddressPhone(phone, marketCode)) throw new BadRequestError('phone must be a mainland mobile number: 11 digits starting 13 to 19', { field: 'phone' });
      return;
    }
    const { country } = await this.markets.get(marketCode);
    if (!isAddressPhone(phone, marketCode) || !isPhoneNumber(phone, country as Parameters<typeof isPhoneNumber>[1])) {
      throw new BadRequestError(`phone must be a phone number of ${country}`, { field: 'phone', country });
    }
  }

  private async checkCounty(code: string): Promise<void> {
    if (!(await this.regions.isCounty(code))) throw new UnknownCountyError('countyCode', code);
  }
}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { MARKET_CODE_PATTERN, REGION_CODE_PATTERN } from '@farmlink/shared';
import { toInt, trim } from './query-transforms';

/*
 * Composed property decorators for the DTOs: one line per field instead of a stack of five.
 * Each takes the field's rules first and its OpenAPI options second; those are passed on as written,
 * so the document says exactly what it said before. With a `name`, a helper writes the house message
 * ("title must be 1 to 200 characters"); without one, class-validator's own message stands.
 */

/** `true`: absent or null skips the checks (@IsOptional); a function: the checks run only when it says so (@ValidateIf). */
export type Optionality = boolean | ((dto: any) => boolean);

/** Applies decorators as if written stacked in this order above a property (TypeScript runs the bottom one first). */
const stacked = (...decorators: PropertyDecorator[]) => applyDecorators(...decorators.reverse());

/** `{ message }` when there is one, else nothing: class-validator's default message. */
const says = (message: string | undefined) => (message === undefined ? undefined : { message });

/** The OpenAPI property and, for an optional field, the check that lets it be absent. */
function presence(optional: Optionality | undefined, api: ApiPropertyOptions): PropertyDecorator[] {
  if (!optional) return [ApiProperty(api)];
  return [ApiPropertyOptional(api), typeof optional === 'function' ? ValidateIf(optional) : IsOptional()];
}

const REGION_CODE = REGION_CODE_PATTERN;
const YYYY_MM_DD = /^\d{4}-\d{2}-\d{2}$/;

/** A string, trimmed unless `trim: false`, of at most `max` characters (and at least `min`): "<name> must be 1 to 200 characters" / "… at most 5000 characters". */
export function TextField(rules: { name?: string; min?: number; max: number; optional?: Optionality; trim?: boolean }, api: ApiPropertyOptions = {}) {
  const { name, min, max } = rules;
  const length =
    min === undefined
      ? MaxLength(max, says(name && `${name} must be at most ${max} characters`))
      : Length(min, max, says(name && `${name} must be ${min} to ${max} characters`));
  return stacked(...presence(rules.optional, api), ...(rules.trim === false ? [] : [Transform(trim)]), IsString(), length);
}

/** A region code (six-digit GB/T 2260 in cn, a market's own elsewhere): "<name> must be a six-digit GB/T 2260 county code" with `county`, else "… GB/T 2260 code". */
export function RegionCodeField(rules: { name: string; county?: boolean; optional?: Optionality }, api: ApiPropertyOptions = {}) {
  const message = `${rules.name} must be a six-digit GB/T 2260 ${rules.county ? 'county code' : 'code'} (or another market's own region code, e.g. KE-30)`;
  return stacked(...presence(rules.optional, api), Matches(REGION_CODE, { message }));
}

/** A market code (e.g. cn, ke): "<name> must be a market code such as cn or ke". Whether the deployment serves it is the service's check. */
export function MarketCodeField(rules: { name: string; optional?: Optionality }, api: ApiPropertyOptions = {}) {
  return stacked(...presence(rules.optional, api), Matches(MARKET_CODE_PATTERN, { message: `${rules.name} must be a market code such as cn or ke` }));
}

/** A UUID, documented with format uuid: "<name> must be a UUID". */
export function UuidField(rules: { name: string; optional?: Optionality }, api: ApiPropertyOptions = {}) {
  return stacked(...presence(rules.optional, { format: 'uuid', ...api }), IsUUID('all', { message: `${rules.name} must be a UUID` }));
}

/** One of `values`, documented as that enum: `message`, else "<name> must be one of: a, b" with a `name`, else class-validator's. */
export function EnumField(values: readonly string[], rules: { name?: string; message?: string; optional?: Optionality } = {}, api: ApiPropertyOptions = {}) {
  const message = rules.message ?? (rules.name && `${rules.name} must be one of: ${values.join(', ')}`);
  return stacked(...presence(rules.optional, { enum: values as string[], ...api }), IsIn(values, says(message)));
}

/** A whole number within `min`…`max` (either may be left out), each check with its message as given; `query` turns "12" into 12 first. */
export function IntField(
  rules: { min?: number; max?: number; query?: boolean; optional?: Optionality; messages: { int: string; min?: string; max?: string } },
  api: ApiPropertyOptions = {},
) {
  const { min, max, messages } = rules;
  return stacked(
    ...presence(rules.optional, api),
    ...(rules.query ? [Transform(toInt)] : []),
    IsInt(says(messages.int)),
    ...(min === undefined ? [] : [Min(min, says(messages.min))]),
    ...(max === undefined ? [] : [Max(max, says(messages.max))]),
  );
}

/** A date YYYY-MM-DD that exists on the calendar (`calendar: false`: only the pattern): "<name> must be a date YYYY-MM-DD". */
export function DateField(rules: { name: string; optional?: Optionality; calendar?: boolean }, api: ApiPropertyOptions = {}) {
  const message = `${rules.name} must be a date YYYY-MM-DD`;
  const calendar = rules.calendar === false ? [] : [IsDateString({ strict: true }, { message })];
  return stacked(...presence(rules.optional, api), ...calendar, Matches(YYYY_MM_DD, { message }));
}

/** A new account's `email`, trimmed: "email must be a valid email address", at most 254 characters. */
export const EmailField = (api: ApiPropertyOptions = {}) =>
  stacked(ApiProperty(api), Transform(trim), IsEmail({}, { message: 'email must be a valid email address' }), MaxLength(254));

/** A new account's `password`: "password must be at least 8 characters", at most 200. */
export const NewPasswordField = (api: ApiPropertyOptions = {}) =>
  stacked(ApiProperty(api), IsString(), MinLength(8, { message: 'password must be at least 8 characters' }), MaxLength(200));

/** A response string that may be null (TypeScript reports `string | null` as Object, so the type is spelled out). */
export const NullableText = (api: ApiPropertyOptions = {}) => ApiProperty({ nullable: true, type: String, ...api });

/** A response UUID that may be null. */
export const NullableUuid = (api: ApiPropertyOptions = {}) => ApiProperty({ format: 'uuid', nullable: true, type: String, ...api });

/** A response date-time that may be null. */
export const NullableDate = (api: ApiPropertyOptions = {}) => ApiProperty({ nullable: true, type: Date, ...api });

/** A response number that may be null. */
export const NullableNumber = (api: ApiPropertyOptions = {}) => ApiProperty({ nullable: true, type: Number, ...api });

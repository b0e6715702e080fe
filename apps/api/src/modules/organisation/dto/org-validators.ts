import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';

/**
 * Validators of the organisation's bodies, with messages that name the field and say in Chinese
 * what is wrong (the admin console shows them as they are).
 */
const compose =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };

/** Required text, not blank, at most `max` characters. */
export const OrgText = (label: string, max: number): PropertyDecorator =>
  compose(
    IsString({ message: ({ property }) => `${property}（${label}）须为文本` }),
    Matches(/\S/, { message: ({ property }) => `${property}（${label}）不能为空` }),
    MaxLength(max, { message: ({ property }) => `${property}（${label}）不能超过 ${max} 个字符` }),
  );

/** Optional text (absent is fine; present must be non-blank). */
export const OptionalOrgText = (label: string, max: number): PropertyDecorator => compose(IsOptional(), OrgText(label, max));

/**
 * A field a PATCH may leave out but never clear (a name): absent is fine, null is refused with the
 * field named (IsOptional would let null through, and the document would call it nullable).
 */
export const UnclearableOrgText = (label: string, max: number): PropertyDecorator =>
  compose(ValidateIf((_o: object, v: unknown) => v !== undefined), OrgText(label, max));

/** One of `values`. */
export const OrgOneOf = (label: string, values: readonly string[]): PropertyDecorator =>
  IsIn(values as string[], { message: ({ property }) => `${property}（${label}）须为以下之一：${values.join('、')}` });

/** A UUID, or null where `nullable` (absent is left to IsOptional). */
export const OrgId = (label: string, opts: { nullable?: boolean } = {}): PropertyDecorator =>
  compose(
    ...(opts.nullable ? [ValidateIf((_o: object, v: unknown) => v !== null)] : []),
    IsUUID('all', { message: ({ property }) => `${property}（${label}）须为 UUID` }),
  );

/** A list of distinct UUIDs (at most `max`). */
export const OrgIdList = (label: string, max: number): PropertyDecorator =>
  compose(
    IsArray({ message: ({ property }) => `${property}（${label}）须为 UUID 列表` }),
    ArrayMaxSize(max, { message: ({ property }) => `${property}（${label}）最多 ${max} 项` }),
    IsUUID('all', { each: true, message: ({ property }) => `${property}（${label}）的每一项须为 UUID` }),
  );

/** An e-mail address, or null where allowed. */
export const OrgEmail = (): PropertyDecorator =>
  compose(
    ValidateIf((_o: object, v: unknown) => v !== null),
    MaxLength(254, { message: 'email（电子邮箱）不能超过 254 个字符' }),
    IsEmail({}, { message: 'email（电子邮箱）格式不正确' }),
  );

/** A boolean query parameter: only the words true and false. */
export const QueryBoolean = (label: string): PropertyDecorator =>
  compose(
    IsOptional(),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: ({ property }) => `${property}（${label}）须为 true 或 false` }),
  );

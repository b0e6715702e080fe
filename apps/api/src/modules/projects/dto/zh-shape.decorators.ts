import { IsIn, IsNumber, IsOptional, IsString, Matches, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { isCalendarDate } from '@zs/domain';

// Shape rules whose refusals name the field by its code and its Chinese name (issue 10 steps):
// `amountYi（到位金额，亿元）须为数字`. Ranges and coherence are the workflow's rules.

function compose(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}

/** Required text, not blank, at most `max` characters. */
export function ZhText(label: string, max = 2000): PropertyDecorator {
  return compose([
    IsString({ message: ({ property }) => `${property}（${label}）须为文本` }),
    Matches(/\S/, { message: ({ property }) => `${property}（${label}）不能为空` }),
    MaxLength(max, { message: ({ property }) => `${property}（${label}）不能超过 ${max} 个字符` }),
  ]);
}

/** A calendar date YYYY-MM-DD that exists. */
export function ZhDate(label: string): PropertyDecorator {
  return compose([
    IsString({ message: ({ property }) => `${property}（${label}）须为日期 YYYY-MM-DD` }),
    ValidateBy({
      name: 'isZhCalendarDate',
      validator: { validate: (value: unknown) => isCalendarDate(value), defaultMessage: (args) => `${args?.property}（${label}）须为有效日期 YYYY-MM-DD` },
    }),
  ]);
}

/** A JSON number (never a numeric string). */
export function ZhNumber(label: string): PropertyDecorator {
  return IsNumber({ allowNaN: false, allowInfinity: false }, { message: ({ property }) => `${property}（${label}）须为数字` });
}

/** An optional JSON number: absent or null is fine. */
export function ZhOptionalNumber(label: string): PropertyDecorator {
  return compose([IsOptional(), ZhNumber(label)]);
}

/** One of a fixed list, each shown with its Chinese label. */
export function ZhOneOf(label: string, values: readonly string[], labels: Record<string, string>): PropertyDecorator {
  const allowed = values.map((v) => `${v}（${labels[v]}）`).join('、');
  return IsIn([...values], { message: ({ property }) => `${property}（${label}）须为：${allowed}` });
}

/** Optional text, absent or null is fine (null is kept: it may mean "clear"). */
export function ZhOptionalNullableText(label: string, max = 200): PropertyDecorator {
  return compose([
    ValidateIf((_o, value) => value !== undefined && value !== null),
    IsString({ message: ({ property }) => `${property}（${label}）须为文本或 null` }),
    Matches(/\S/, { message: ({ property }) => `${property}（${label}）不能为空` }),
    MaxLength(max, { message: ({ property }) => `${property}（${label}）不能超过 ${max} 个字符` }),
  ]);
}

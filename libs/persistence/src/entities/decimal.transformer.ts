import type { ValueTransformer } from 'typeorm';

/** pg returns numeric as string to keep precision; amounts here have 4 decimals, safe as number. */
export const decimalTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

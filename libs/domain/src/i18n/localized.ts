import type { Language } from './language';

/**
 * A text for people in both languages the API speaks. Where it is about a field, `{field}`
 * stands for the field's label, put in when the text is rendered for one caller
 * (field-labels.ts), so the same refusal names 公司名称 in Chinese and "company name" in English.
 */
export interface Localized {
  readonly zh: string;
  readonly en: string;
}

/** The placeholder a field's label replaces. */
export const FIELD_PLACEHOLDER = '{field}';

export function localized(zh: string, en: string): Localized {
  return { zh, en };
}

/** The text in `language`, with `{field}` replaced by `label` when one is given. */
export function renderLocalized(text: Localized, language: Language, label?: string): string {
  const chosen = language === 'en' ? text.en : text.zh;
  return label === undefined ? chosen : chosen.split(FIELD_PLACEHOLDER).join(label);
}

export function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && typeof (value as Localized).zh === 'string' && typeof (value as Localized).en === 'string';
}

import { localized, type Localized } from '../i18n/localized';

/**
 * 口令策略 (等保 2.0 三级: 身份鉴别信息具有复杂度要求并定期更换). Pure: the API checks a new
 * password against these rules, then against the account's recent passwords (hashes, not here).
 */
export const PASSWORD_MIN_LENGTH = 10;
/** A new password may not be any of the account's last N passwords, the current one included. */
export const PASSWORD_HISTORY_SIZE = 5;
/** How many of the four character classes (lower case, upper case, digits, other) a password needs. */
export const PASSWORD_MIN_CLASSES = 3;
/** Usernames shorter than this are not looked for inside the password (every password would contain "a"). */
const USERNAME_MIN_CHECKED_LENGTH = 3;

export const PASSWORD_RULES = ['min_length', 'character_classes', 'contains_username', 'reused'] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

/** What a person reads when a rule refuses their password: English, then Chinese in parentheses. */
/** Each rule said in both languages, `{field}` naming the new password. */
export const PASSWORD_RULE_MESSAGES: Record<PasswordRule, Localized> = {
  min_length: localized(`{field}长度不少于${PASSWORD_MIN_LENGTH}位`, `{field} must be at least ${PASSWORD_MIN_LENGTH} characters`),
  character_classes: localized(
    `{field}须包含大写字母、小写字母、数字、特殊字符中的至少${PASSWORD_MIN_CLASSES}类`,
    `{field} must mix at least ${PASSWORD_MIN_CLASSES} of: lower case, upper case, digits, other characters`,
  ),
  contains_username: localized('{field}不得包含用户名', '{field} must not contain the username'),
  reused: localized(`{field}不得与最近${PASSWORD_HISTORY_SIZE}次使用过的密码相同`, `{field} must not be one of the last ${PASSWORD_HISTORY_SIZE} passwords`),
};

/** The character classes present in `password`: lower, upper, digit, other (any other character, Chinese included). */
export function passwordCharacterClasses(password: string): number {
  let lower = false;
  let upper = false;
  let digit = false;
  let other = false;
  for (const ch of password) {
    if (ch >= 'a' && ch <= 'z') lower = true;
    else if (ch >= 'A' && ch <= 'Z') upper = true;
    else if (ch >= '0' && ch <= '9') digit = true;
    else other = true;
  }
  return [lower, upper, digit, other].filter(Boolean).length;
}

/**
 * The rules `password` breaks, in the order a person would fix them (empty: acceptable so far).
 * `reused` needs the stored hashes and is the caller's check.
 */
export function passwordPolicyViolations(password: string, username: string): PasswordRule[] {
  const broken: PasswordRule[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) broken.push('min_length');
  if (passwordCharacterClasses(password) < PASSWORD_MIN_CLASSES) broken.push('character_classes');
  const name = username.trim().toLowerCase();
  if (name.length >= USERNAME_MIN_CHECKED_LENGTH && password.toLowerCase().includes(name)) broken.push('contains_username');
  return broken;
}

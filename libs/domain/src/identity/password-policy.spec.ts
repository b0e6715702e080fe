import { PASSWORD_RULE_MESSAGES, passwordCharacterClasses, passwordPolicyViolations } from './password-policy';

describe('password policy', () => {
  it('accepts 10+ characters of 3 classes that do not contain the username', () => {
    expect(passwordPolicyViolations('Harbour2026', 'officer')).toEqual([]);
    expect(passwordPolicyViolations('harbour-2026', 'officer')).toEqual([]);
    expect(passwordPolicyViolations('招商引资Project1', 'officer')).toEqual([]);
  });

  it('refuses fewer than 10 characters, counting characters not bytes', () => {
    expect(passwordPolicyViolations('Harbour26', 'officer')).toEqual(['min_length']);
    expect(passwordPolicyViolations('招商引资项目Ab1', 'officer')).toEqual(['min_length']);
    expect(passwordPolicyViolations('招商引资项目Ab12', 'officer')).toEqual([]);
  });

  it.each([
    ['lower case only', 'harbourharbour'],
    ['lower and digits', 'harbour20262026'],
    ['upper and lower', 'HarbourHarbour'],
    ['digits and other', '2026-2026-2026'],
  ])('refuses two classes or fewer (%s)', (_label, password) => {
    expect(passwordPolicyViolations(password, 'officer')).toEqual(['character_classes']);
  });

  it('counts four classes: lower, upper, digits, anything else (Chinese included)', () => {
    expect(passwordCharacterClasses('aA1-')).toBe(4);
    expect(passwordCharacterClasses('aaa')).toBe(1);
    expect(passwordCharacterClasses('招商a1')).toBe(3);
    expect(passwordCharacterClasses('')).toBe(0);
  });

  it('refuses a password containing the username, whatever the case', () => {
    expect(passwordPolicyViolations('MyOfficer2026', 'officer')).toEqual(['contains_username']);
    expect(passwordPolicyViolations('x-ECB-HEAD-2026', 'ecb-head')).toEqual(['contains_username']);
    // A one- or two-letter name is not looked for: every password would contain it.
    expect(passwordPolicyViolations('Harbour2026', 'ha')).toEqual([]);
  });

  it('lists every broken rule, in order', () => {
    expect(passwordPolicyViolations('officer', 'officer')).toEqual(['min_length', 'character_classes', 'contains_username']);
  });

  it('words every rule in Chinese and English, naming the field', () => {
    for (const message of Object.values(PASSWORD_RULE_MESSAGES)) {
      expect(message.zh).toMatch(/^\{field\}.*[\u4e00-\u9fff]/);
      expect(message.en).toMatch(/^\{field\} must /);
    }
    expect(PASSWORD_RULE_MESSAGES.min_length.zh).toContain('不少于10位');
    expect(PASSWORD_RULE_MESSAGES.reused.zh).toContain('最近5次');
  });
});

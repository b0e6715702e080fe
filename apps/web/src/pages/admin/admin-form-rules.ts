/**
 * The API's rules for the administration forms, checked in the browser before sending so a
 * mistake is named next to its field at once. They mirror the DTOs; admin-form-rules.spec.ts
 * compares them with the committed OpenAPI document, so a change on one side fails the tests.
 */
export const ADMIN_RULES = {
  username: { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, max: 64 },
  displayName: { max: 100 },
  email: { max: 254 },
  reason: { max: 2000 },
  userTeams: { max: 20 },
  departmentCode: { pattern: /^[a-z0-9][a-z0-9_-]{0,63}$/, max: 64 },
  departmentName: { max: 200 },
  teamName: { max: 200 },
  teamMembers: { max: 50 },
  chainName: { max: 200 },
  chainDeputies: { max: 50 },
  chainSortOrder: { min: 0, max: 10000 },
  overrideName: { max: 100 },
  webhookUrl: { max: 2000 },
  webhookSecret: { min: 16, max: 200 },
  webhookDepartment: { max: 200 },
} as const;

/** Text that is more than blanks (the API's `\S` pattern). */
export const NOT_BLANK = /\S/;

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_RULES } from './admin-form-rules';

/** The committed OpenAPI document: what the API checks, as it describes it. */
const schemas = JSON.parse(readFileSync(join(__dirname, '../../../../api/openapi.json'), 'utf8')).components.schemas;
const prop = (schema: string, name: string) => schemas[schema].properties[name];

describe('the administration forms check what the API checks', () => {
  it('accounts', () => {
    expect(ADMIN_RULES.username.pattern.source).toBe(prop('CreateUserDto', 'username').pattern);
    expect(ADMIN_RULES.username.max).toBe(prop('CreateUserDto', 'username').maxLength);
    expect(ADMIN_RULES.displayName.max).toBe(prop('CreateUserDto', 'displayName').maxLength);
    expect(ADMIN_RULES.email.max).toBe(prop('CreateUserDto', 'email').maxLength);
    expect(ADMIN_RULES.reason.max).toBe(prop('CreateUserDto', 'reason').maxLength);
    expect(ADMIN_RULES.userTeams.max).toBe(prop('CreateUserDto', 'teamIds').maxItems);
  });

  it('departments, teams, chains', () => {
    expect(ADMIN_RULES.departmentCode.pattern.source).toBe(prop('CreateDepartmentDto', 'code').pattern);
    expect(ADMIN_RULES.departmentCode.max).toBe(prop('CreateDepartmentDto', 'code').maxLength);
    expect(ADMIN_RULES.departmentName.max).toBe(prop('CreateDepartmentDto', 'name').maxLength);
    expect(ADMIN_RULES.teamName.max).toBe(prop('CreateTeamDto', 'name').maxLength);
    expect(ADMIN_RULES.teamMembers.max).toBe(prop('CreateTeamDto', 'memberUserIds').maxItems);
    expect(ADMIN_RULES.chainName.max).toBe(prop('CreateIndustryChainDto', 'name').maxLength);
    expect(ADMIN_RULES.chainDeputies.max).toBe(prop('CreateIndustryChainDto', 'deputyUserIds').maxItems);
    expect([ADMIN_RULES.chainSortOrder.min, ADMIN_RULES.chainSortOrder.max]).toEqual([prop('CreateIndustryChainDto', 'sortOrder').minimum, prop('CreateIndustryChainDto', 'sortOrder').maximum]);
  });

  it('calendar overrides and webhooks', () => {
    expect(ADMIN_RULES.overrideName.max).toBe(prop('SetCalendarOverrideDto', 'name').maxLength);
    expect(ADMIN_RULES.reason.max).toBe(prop('SetCalendarOverrideDto', 'reason').maxLength);
    expect(ADMIN_RULES.webhookUrl.max).toBe(prop('CreateDepartmentWebhookDto', 'url').maxLength);
    expect([ADMIN_RULES.webhookSecret.min, ADMIN_RULES.webhookSecret.max]).toEqual([prop('CreateDepartmentWebhookDto', 'secret').minLength, prop('CreateDepartmentWebhookDto', 'secret').maxLength]);
    expect(ADMIN_RULES.webhookDepartment.max).toBe(prop('CreateDepartmentWebhookDto', 'department').maxLength);
  });
});

import 'reflect-metadata';
import { ApiException } from '../../../common/errors/api.exception';
import { toErrorResponse } from '../../../common/errors/error-envelope';
import { createValidationPipe } from '../../../common/validation/validation.pipe';
import { CreateUserDto, ListUsersQuery, UpdateUserDto } from './admin-user.dto';
import { CreateDepartmentDto, ListDepartmentsQuery, UpdateDepartmentDto } from './department.dto';
import { CreateIndustryChainDto } from './industry-chain.dto';
import { CreateTeamDto } from './team.dto';

const pipe = createValidationPipe();
const UUID = '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';

async function refusal(value: unknown, metatype: new () => object, type: 'body' | 'query' = 'body'): Promise<ApiException> {
  try {
    await pipe.transform(value, { type, metatype });
  } catch (err) {
    if (err instanceof ApiException) return err;
    throw err;
  }
  throw new Error('expected a validation failure');
}

/** The fields a refusal names, each with a message in Chinese. */
async function fieldsOf(value: unknown, metatype: new () => object, type: 'body' | 'query' = 'body'): Promise<string[]> {
  const err = await refusal(value, metatype, type);
  expect(err.getStatus()).toBe(400);
  for (const d of toErrorResponse(err).details ?? []) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
  return [...new Set((err.details ?? []).map((d) => d.field))];
}

describe('the organisation bodies and queries', () => {
  it('accepts a complete department and refuses a bad code, kind or parent naming the field in Chinese', async () => {
    await expect(pipe.transform({ code: 'gdgs', name: '供电公司', kind: 'external', parentId: null }, { type: 'body', metatype: CreateDepartmentDto })).resolves.toBeInstanceOf(CreateDepartmentDto);
    expect(await fieldsOf({ code: 'Bad Code', name: '某局', kind: 'bureau' }, CreateDepartmentDto)).toEqual(['code']);
    expect(await fieldsOf({ code: 'ok', name: '  ', kind: 'ministry' }, CreateDepartmentDto)).toEqual(['name', 'kind']);
    expect(await fieldsOf({ parentId: 'not-a-uuid' }, UpdateDepartmentDto)).toEqual(['parentId']);
    expect(await fieldsOf({ kind: 'x' }, ListDepartmentsQuery, 'query')).toEqual(['kind']);
    expect(await fieldsOf({ active: 'yes' }, ListDepartmentsQuery, 'query')).toEqual(['active']);
  });

  it('reads active=true/false in queries as booleans', async () => {
    const q = (await pipe.transform({ active: 'false' }, { type: 'query', metatype: ListDepartmentsQuery })) as ListDepartmentsQuery;
    expect(q.active).toBe(false);
  });

  it('checks users: username shape, a known role, uuids, e-mail; paging with Chinese messages', async () => {
    await expect(pipe.transform({ username: 'zhang.san', displayName: '张三', role: 'department_staff', departmentId: UUID, teamIds: [UUID], email: 'z@example.test' }, { type: 'body', metatype: CreateUserDto })).resolves.toBeDefined();
    expect(await fieldsOf({ username: 'z', displayName: '张三', role: 'boss', email: 'nope' }, CreateUserDto)).toEqual(['username', 'role', 'email']);
    expect(await fieldsOf({ username: 'zhangsan', displayName: '张三', role: 'auditor', teamIds: ['x'] }, CreateUserDto)).toEqual(['teamIds']);
    await expect(pipe.transform({ departmentId: null, email: null }, { type: 'body', metatype: UpdateUserDto })).resolves.toBeDefined();
    expect(await fieldsOf({ departmentId: 'x' }, UpdateUserDto)).toEqual(['departmentId']);
    expect(await fieldsOf({ pageSize: '1000', page: '0' }, ListUsersQuery, 'query')).toEqual(['page', 'pageSize']);
  });

  it('checks teams and chains: member and deputy lists are uuids, kinds are known', async () => {
    expect(await fieldsOf({ name: '一队', memberUserIds: ['x'], leaderUserId: 'y' }, CreateTeamDto)).toEqual(['leaderUserId', 'memberUserIds']);
    expect((await fieldsOf({ name: '氢能', kind: 'cluster', deputyUserIds: 'x', sortOrder: -1 }, CreateIndustryChainDto)).sort()).toEqual(['deputyUserIds', 'kind', 'sortOrder']);
  });
});

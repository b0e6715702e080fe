import { localized } from '@zs/domain';
import { Inject, Injectable } from '@nestjs/common';
import {
  departmentConflicts,
  findDepartment,
  inTransaction,
  insertDepartment,
  isUniqueViolation,
  listDepartments,
  lockDepartment,
  updateDepartment,
  wouldCycle,
  type Database,
  type DepartmentFilter,
  type DepartmentRecord,
  type Queryable,
  type Transaction,
} from '@zs/persistence';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { DATABASE } from '../../infrastructure/database.provider';
import type { CreateDepartmentDto, DepartmentViewDto, UpdateDepartmentDto } from './dto/department.dto';
import { auditOrgChange } from './org-audit';
import { badField, notFound, taken, DEPARTMENT } from './org-errors';
import { requireActiveDepartment } from './org-references';
import { toDepartmentView } from './org-views';

/** 部门管理: the departments and their hierarchy; every change audited with its before and after. */
@Injectable()
export class DepartmentsService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(filter: DepartmentFilter): Promise<DepartmentViewDto[]> {
    return (await listDepartments(this.db, filter)).map(toDepartmentView);
  }

  async get(id: string): Promise<DepartmentViewDto> {
    const department = await findDepartment(this.db, id);
    if (!department) throw notFound(DEPARTMENT, id);
    return toDepartmentView(department);
  }

  async create(caller: AuthenticatedUser, dto: CreateDepartmentDto): Promise<DepartmentViewDto> {
    const fields = { code: dto.code.trim(), name: dto.name.trim(), kind: dto.kind, parentId: dto.parentId ?? null };
    return this.write(async (tx) => {
      await this.checkUnique(tx, fields);
      await requireActiveDepartment(tx, 'parentId', fields.parentId);
      const after = toDepartmentView(await insertDepartment(tx, fields));
      await auditOrgChange(tx, caller, { action: 'department.created', subject: `department:${after.id}`, before: null, after, reason: dto.reason });
      return after;
    });
  }

  async update(caller: AuthenticatedUser, id: string, dto: UpdateDepartmentDto): Promise<DepartmentViewDto> {
    return this.write(async (tx) => {
      const current = await lockDepartment(tx, id);
      if (!current) throw notFound(DEPARTMENT, id);
      const next = {
        code: dto.code?.trim() ?? current.code,
        name: dto.name?.trim() ?? current.name,
        kind: dto.kind ?? current.kind,
        parentId: dto.parentId === undefined ? current.parentId : dto.parentId,
        active: current.active,
      };
      await this.checkUnique(tx, next, id);
      if (next.parentId !== null && next.parentId !== current.parentId) {
        await requireActiveDepartment(tx, 'parentId', next.parentId);
        if (next.parentId === id || (await wouldCycle(tx, id, next.parentId))) throw badField('parentId', localized('{field}不能是本部门或其下级部门', '{field} must not be the department itself or one below it'));
      }
      return this.save(tx, caller, current, next, 'department.updated', dto.reason);
    });
  }

  async setActive(caller: AuthenticatedUser, id: string, active: boolean, reason?: string): Promise<DepartmentViewDto> {
    return this.write(async (tx) => {
      const current = await lockDepartment(tx, id);
      if (!current) throw notFound(DEPARTMENT, id);
      if (current.active === active) return toDepartmentView(current);
      return this.save(tx, caller, current, { ...current, active }, active ? 'department.activated' : 'department.deactivated', reason);
    });
  }

  private async save(
    tx: Transaction,
    caller: AuthenticatedUser,
    current: DepartmentRecord,
    next: Omit<DepartmentRecord, 'id' | 'createdAt' | 'updatedAt'>,
    action: string,
    reason: string | undefined,
  ): Promise<DepartmentViewDto> {
    const before = toDepartmentView(current);
    const after = toDepartmentView(await updateDepartment(tx, current.id, next));
    await auditOrgChange(tx, caller, { action, subject: `department:${current.id}`, before, after, reason });
    return after;
  }

  private async checkUnique(db: Queryable, v: { code: string; name: string }, exceptId?: string): Promise<void> {
    const clash = await departmentConflicts(db, v, exceptId);
    if (clash.code) throw taken('code', localized(`部门编码「${v.code}」已被使用`, `department code 「${v.code}」 is taken`));
    if (clash.name) throw taken('name', localized(`部门名称「${v.name}」已被使用`, `department name 「${v.name}」 is taken`));
  }

  /** A unique violation that slipped past the check (a concurrent create) is still a 409, not a 500. */
  private async write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.db, work);
    } catch (err) {
      if (isUniqueViolation(err)) throw taken('code', localized('部门编码或名称已被使用', 'the department code or name is taken'));
      throw err;
    }
  }
}

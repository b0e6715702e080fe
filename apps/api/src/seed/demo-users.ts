import type { Role } from '@zs/domain';
import { insertUserIfAbsent, type Database } from '@zs/persistence';
import { hashPassword } from '../modules/auth/password-hasher';

export const DEFAULT_DEMO_PASSWORD = 'zhaoshang-demo';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  department: string;
  email: string;
}

/** One demo account per role, for local runs, demos and end-to-end tests. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'officer', displayName: '李明', role: 'investment_officer', department: '招商一局', email: 'officer@zhaoshang.local' },
  { username: 'taskforce', displayName: '王芳', role: 'intake_task_force', department: '项目承接专班', email: 'taskforce@zhaoshang.local' },
  { username: 'ecb-head', displayName: '张伟', role: 'economic_cooperation_bureau_head', department: '经济合作局', email: 'ecb-head@zhaoshang.local' },
  { username: 'leader', displayName: '陈刚', role: 'zone_leadership', department: '管委会', email: 'leader@zhaoshang.local' },
  { username: 'psb', displayName: '刘洋', role: 'project_service_bureau', department: '项目服务局', email: 'psb@zhaoshang.local' },
  { username: 'esb', displayName: '赵静', role: 'enterprise_service_bureau', department: '企业服务局', email: 'esb@zhaoshang.local' },
  { username: 'dept-staff', displayName: '钱涛', role: 'department_staff', department: '供电公司', email: 'dept-staff@zhaoshang.local' },
  { username: 'auditor', displayName: '孙丽', role: 'auditor', department: '审计督查室', email: 'auditor@zhaoshang.local' },
  { username: 'admin', displayName: '周强', role: 'admin', department: '信息中心', email: 'admin@zhaoshang.local' },
  { username: 'city', displayName: '吴军', role: 'city_leadership', department: '市投资促进局', email: 'city@zhaoshang.local' },
];

/**
 * Inserts the demo users that do not exist yet (an existing username is left untouched,
 * password included), marked `is_demo`. Returns how many were inserted. Only the launcher's
 * embedded database and the tests' own database get them: `npm start` with DATABASE_URL and
 * `npm run seed` against any other database refuse (demo accounts share a published password).
 */
export async function seedDemoUsers(db: Database, password: string = DEFAULT_DEMO_PASSWORD): Promise<number> {
  let inserted = 0;
  for (const user of DEMO_USERS) {
    const passwordHash = await hashPassword(password);
    if (await insertUserIfAbsent(db, { ...user, passwordHash, isDemo: true })) inserted++;
  }
  return inserted;
}

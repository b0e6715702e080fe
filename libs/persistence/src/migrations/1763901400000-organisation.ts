import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation (issue 10): departments with a hierarchy (the bureaus, the 直属部门 that take
 * part in 全民招商, the external departments service requests are dispatched to), teams (小分队)
 * with a leader and members, and the registry of industry chains (八链两组一室) with their 链长
 * and 分链长. `users.department_id` is the account's department; the old free-text
 * `users.department` stays (inbox and webhook routing read it by name) and a trigger keeps the two
 * in step: setting the id writes the department's name, writing a known name sets the id.
 */
export class Organisation1763901400000 implements MigrationInterface {
  name = 'Organisation1763901400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE departments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
        name text NOT NULL UNIQUE CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('bureau', 'direct', 'external')),
        parent_id uuid REFERENCES departments (id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE INDEX departments_parent_idx ON departments (parent_id) WHERE parent_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        department_id uuid REFERENCES departments (id),
        -- A campaign's team: campaigns live in their own module; no foreign key so neither migration depends on the other.
        campaign_id uuid,
        leader_user_id uuid REFERENCES users (id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX teams_department_idx ON teams (department_id) WHERE department_id IS NOT NULL`);
    await q.query(`CREATE INDEX teams_campaign_idx ON teams (campaign_id) WHERE campaign_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE team_members (
        team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, user_id)
      )`);
    await q.query(`CREATE INDEX team_members_user_idx ON team_members (user_id)`);

    await q.query(`
      CREATE TABLE industry_chains (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('chain', 'group', 'office')),
        chief_user_id uuid REFERENCES users (id),
        sort_order integer NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE industry_chain_deputies (
        chain_id uuid NOT NULL REFERENCES industry_chains (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (chain_id, user_id)
      )`);

    await q.query(`ALTER TABLE users ADD COLUMN department_id uuid REFERENCES departments (id)`);
    await q.query(`CREATE INDEX users_department_idx ON users (department_id) WHERE department_id IS NOT NULL`);

    // Default departments: the bureaus of domain.md, the leadership and task force the tests and
    // seeds name, the zone's 直属部门 and the departments service requests go to (seed 001).
    const departments: Array<[code: string, name: string, kind: 'bureau' | 'direct' | 'external']> = [
      ['gwh', '管委会', 'bureau'],
      ['jjhzj', '经济合作局', 'bureau'],
      ['xmfwj', '项目服务局', 'bureau'],
      ['qyfwj', '企业服务局', 'bureau'],
      ['xmcjzb', '项目承接专班', 'bureau'],
      ['sjdcs', '审计督查室', 'direct'],
      ['xxzx', '信息中心', 'direct'],
      ['zsyj', '招商一局', 'direct'],
      ['zsej', '招商二局', 'direct'],
      ['czj', '财政局', 'direct'],
      ['kjcxj', '科技创新局', 'direct'],
      ['gxj', '工业和信息化局', 'direct'],
      ['gdgs', '供电公司', 'external'],
      ['zrzyj', '自然资源局', 'external'],
      ['ghj', '规划局', 'external'],
      ['zjj', '住建局', 'external'],
      ['cgj', '城管局', 'external'],
      ['rsj', '人社局', 'external'],
      ['zwfwj', '政务服务局', 'external'],
      ['sthjj', '生态环境局', 'external'],
      ['swj', '税务局', 'external'],
      ['scjgj', '市场监管局', 'external'],
      ['jyj', '教育局', 'external'],
      ['yjglj', '应急管理局', 'external'],
      ['swuj', '水务局', 'external'],
    ];
    for (const [code, name, kind] of departments) {
      await q.query(`INSERT INTO departments (code, name, kind) VALUES ($1, $2, $3)`, [code, name, kind]);
    }
    // 项目承接专班 sits under 经济合作局, which leads attraction work (domain.md).
    await q.query(`UPDATE departments SET parent_id = (SELECT id FROM departments WHERE code = 'jjhzj') WHERE code = 'xmcjzb'`);

    // Every department an existing account names becomes a registered one (kind 'direct': a zone
    // department until an administrator says otherwise), so no account loses its department.
    await q.query(`
      INSERT INTO departments (code, name, kind)
      SELECT 'legacy-' || substr(md5(d.name), 1, 12), d.name, 'direct'
        FROM (SELECT DISTINCT btrim(department) AS name FROM users WHERE department IS NOT NULL AND btrim(department) <> '') d
       WHERE NOT EXISTS (SELECT 1 FROM departments x WHERE x.name = d.name)`);
    await q.query(`UPDATE users u SET department_id = d.id FROM departments d WHERE d.name = btrim(u.department)`);

    await q.query(`
      CREATE FUNCTION users_department_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.department_id IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.department_id IS DISTINCT FROM OLD.department_id) THEN
          NEW.department := (SELECT name FROM departments WHERE id = NEW.department_id);
        ELSIF TG_OP = 'UPDATE' AND NEW.department_id IS NULL AND OLD.department_id IS NOT NULL AND NEW.department IS NOT DISTINCT FROM OLD.department THEN
          NEW.department := NULL;
        ELSIF TG_OP = 'INSERT' OR NEW.department IS DISTINCT FROM OLD.department THEN
          NEW.department_id := (SELECT id FROM departments WHERE name = btrim(NEW.department));
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER users_department_sync BEFORE INSERT OR UPDATE OF department, department_id ON users FOR EACH ROW EXECUTE FUNCTION users_department_sync()`);
    // A renamed department renames the text copy of its members.
    await q.query(`
      CREATE FUNCTION departments_rename_members() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE users SET department = NEW.name WHERE department_id = NEW.id AND department IS DISTINCT FROM NEW.name;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER departments_rename_members AFTER UPDATE OF name ON departments FOR EACH ROW EXECUTE FUNCTION departments_rename_members()`);

    // 株洲高新区「八链两组一室」(seed 002): eight chains, two industry groups, one office.
    const chains: Array<[name: string, kind: 'chain' | 'group' | 'office']> = [
      ['先进轨道交通装备', 'chain'],
      ['中小航空发动机及通用航空', 'chain'],
      ['新能源汽车', 'chain'],
      ['电子信息', 'chain'],
      ['智能制造及机器人', 'chain'],
      ['新能源新材料', 'chain'],
      ['先进硬质材料', 'chain'],
      ['生物医药及医疗器械', 'chain'],
      ['现代服务业产业组', 'group'],
      ['总部经济产业组', 'group'],
      ['科技创新招商办公室', 'office'],
    ];
    for (const [i, [name, kind]] of chains.entries()) {
      await q.query(`INSERT INTO industry_chains (name, kind, sort_order) VALUES ($1, $2, $3)`, [name, kind, i + 1]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER departments_rename_members ON departments`);
    await q.query(`DROP FUNCTION departments_rename_members()`);
    await q.query(`DROP TRIGGER users_department_sync ON users`);
    await q.query(`DROP FUNCTION users_department_sync()`);
    await q.query(`ALTER TABLE users DROP COLUMN department_id`);
    await q.query(`DROP TABLE industry_chain_deputies`);
    await q.query(`DROP TABLE industry_chains`);
    await q.query(`DROP TABLE team_members`);
    await q.query(`DROP TABLE teams`);
    await q.query(`DROP TABLE departments`);
  }
}

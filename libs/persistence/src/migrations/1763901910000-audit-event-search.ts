import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 跨项目历史检索 (issue 11): auditors search every project's audit events by period, action and
 * actor, newest first. Without these, each search reads the whole audit log (it only had
 * indexes leading with the project, the chain and the update id). The department filter goes
 * through projects_owner_department_idx and then the project's own index.
 */
export class AuditEventSearch1763901910000 implements MigrationInterface {
  name = 'AuditEventSearch1763901910000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_events_action_idx ON audit_events (action, occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, occurred_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_actor_idx`);
    await q.query(`DROP INDEX audit_events_action_idx`);
    await q.query(`DROP INDEX audit_events_occurred_idx`);
  }
}

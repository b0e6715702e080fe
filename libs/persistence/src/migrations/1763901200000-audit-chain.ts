import type { MigrationInterface, QueryRunner } from 'typeorm';
import { GENESIS_HASH, sm3 } from '../audit-chain/sm3';
import { SEALED_COLUMNS, SEALED_TABLES, sealedForm, type SealedRow } from '../audit-chain/sealed-form';

const CHAIN_OF: Record<(typeof SEALED_TABLES)[number], string> = {
  audit_events: `'project:' || project_id`,
  admin_audit_events: `'admin'`,
  security_events: `'security'`,
};

/**
 * The tamper-evident record (issue 9): every audit record carries its chain, its position in
 * it, `prev_hash` and `hash = SM3(prev_hash ‖ sealed form)`; `audit_ledger` links every record
 * of every chain in one global, gap-free sequence (records are queued in `audit_ledger_queue`
 * as they are written and sealed into it by the worker); `audit_checkpoints` keeps the signed
 * global heads (also written to a file outside PostgreSQL).
 * Records written before this migration are sealed here, in their insertion order.
 */
export class AuditChain1763901200000 implements MigrationInterface {
  name = 'AuditChain1763901200000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of SEALED_TABLES) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN chain text, ADD COLUMN chain_pos bigint, ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea`);
      await q.query(`CREATE UNIQUE INDEX ${table}_chain_uq ON ${table} (chain, chain_pos)`);
    }
    await q.query(`
      CREATE TABLE audit_ledger (
        pos bigint PRIMARY KEY,
        source text NOT NULL,
        chain text,
        chain_pos bigint,
        record_hash bytea,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_ledger_record_idx ON audit_ledger (source, chain, chain_pos)`);
    await q.query(`
      CREATE TABLE audit_checkpoints (
        pos bigint PRIMARY KEY,
        head_hash text NOT NULL,
        at timestamptz NOT NULL,
        key_id text NOT NULL,
        signature text NOT NULL
      )`);
    for (const t of ['audit_ledger', 'audit_checkpoints']) {
      await q.query(`CREATE TRIGGER ${t}_no_change BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION immutable_rows()`);
    }

    await this.sealExistingRecords(q);

    // Every new record is queued for the ledger in its own transaction (no lock, so writers of
    // different chains never wait on each other); the sealer (the worker) moves the queue into
    // the ledger under one lock, giving positions in sealing order with no gap.
    await q.query(`
      CREATE TABLE audit_ledger_queue (
        id bigserial PRIMARY KEY,
        source text NOT NULL,
        chain text,
        chain_pos bigint,
        record_hash bytea,
        queued_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_ledger_queue_record_idx ON audit_ledger_queue (source, chain, chain_pos)`);
    // The schema this migration runs in (public, or a zone's, issue 12): the definer's function must queue into its own zone's ledger.
    const [{ schema }]: Array<{ schema: string }> = await q.query(`SELECT current_schema() AS schema`);
    await q.query(`
      CREATE FUNCTION audit_ledger_enqueue() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = "${schema}", pg_temp AS $$
      BEGIN
        INSERT INTO audit_ledger_queue (source, chain, chain_pos, record_hash) VALUES (TG_TABLE_NAME, NEW.chain, NEW.chain_pos, NEW.hash);
        RETURN NULL;
      END $$`);
    for (const table of SEALED_TABLES) {
      await q.query(`CREATE TRIGGER ${table}_ledger AFTER INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_ledger_enqueue()`);
    }
  }

  /** Chains the rows already there (an upgrade), with the append-only triggers lifted for the length of this migration. */
  private async sealExistingRecords(q: QueryRunner): Promise<void> {
    let ledgerPos = 0;
    for (const table of SEALED_TABLES) {
      await q.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
      await q.query(`UPDATE ${table} SET chain = ${CHAIN_OF[table]}`);
      const heads = new Map<string, { pos: number; hash: Buffer }>();
      let lastId = '0';
      for (;;) {
        const rows: SealedRow[] = await q.query(`SELECT ${SEALED_COLUMNS[table].join(', ')} FROM ${table} WHERE id > $1 ORDER BY id LIMIT 1000`, [lastId]);
        if (rows.length === 0) break;
        for (const row of rows) {
          const chain = row.chain as string;
          const head = heads.get(chain) ?? { pos: 0, hash: GENESIS_HASH };
          const sealed = { ...row, chain_pos: head.pos + 1 };
          const hash = sm3(head.hash, sealedForm(table, sealed));
          await q.query(`UPDATE ${table} SET chain_pos = $2, prev_hash = $3, hash = $4 WHERE id = $1`, [row.id, head.pos + 1, head.hash, hash]);
          await q.query(`INSERT INTO audit_ledger (pos, source, chain, chain_pos, record_hash) VALUES ($1, $2, $3, $4, $5)`, [++ledgerPos, table, chain, head.pos + 1, hash]);
          heads.set(chain, { pos: head.pos + 1, hash });
          lastId = String(row.id);
        }
      }
      await q.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of SEALED_TABLES) {
      await q.query(`DROP TRIGGER ${table}_ledger ON ${table}`);
      await q.query(`DROP INDEX ${table}_chain_uq`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN chain, DROP COLUMN chain_pos, DROP COLUMN prev_hash, DROP COLUMN hash`);
    }
    await q.query(`DROP FUNCTION audit_ledger_enqueue()`);
    await q.query(`DROP TABLE audit_ledger_queue`);
    await q.query(`DROP TABLE audit_checkpoints`);
    await q.query(`DROP TABLE audit_ledger`);
  }
}

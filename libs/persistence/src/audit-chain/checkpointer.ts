import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Queryable } from '../database';
import { appendCheckpointFile, checkpointSignatureValid, insertCheckpoint, listCheckpoints, readCheckpointFile, signCheckpoint, type Checkpoint } from './checkpoints';
import { GLOBAL_GENESIS, forEachLedgerEntry, ledgerEnd, nextGlobalHead } from './ledger';

export interface CheckpointerOptions {
  privateKey: KeyObject;
  /** The append-only file outside PostgreSQL. */
  file: string;
  intervalMs: number;
  log?: (level: 'info' | 'warn' | 'error', message: string, meta?: Record<string, unknown>) => void;
}

/**
 * Signs the global chain's head at an interval, into audit_checkpoints and the file. It
 * extends the latest checkpoint it can trust (its signature verifies) and never re-hashes
 * what a checkpoint already covers, so a rewrite of older history cannot be signed over.
 * Several workers may run one each: they sign the same position with the same head.
 */
export class AuditCheckpointer {
  private base: { pos: number; head: Buffer } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private readonly publicKey: KeyObject;

  constructor(
    private readonly db: Queryable,
    private readonly opts: CheckpointerOptions,
  ) {
    this.publicKey = createPublicKey(opts.privateKey);
  }

  /** Signs the head now if the ledger grew since the last checkpoint; returns what was written, or null. */
  async checkpointNow(): Promise<Checkpoint | null> {
    const base = this.base ?? (await this.latestTrusted());
    const end = await ledgerEnd(this.db);
    if (end <= base.pos) {
      this.base = base;
      return null;
    }
    let head: Buffer = base.head;
    await forEachLedgerEntry(this.db, base.pos, end, (e) => {
      head = nextGlobalHead(head, e);
    });
    const checkpoint = signCheckpoint(end, head, new Date(), this.opts.privateKey);
    await insertCheckpoint(this.db, checkpoint);
    appendCheckpointFile(this.opts.file, checkpoint);
    this.base = { pos: end, head };
    return checkpoint;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.running = this.checkpointNow().catch((err: Error) => this.opts.log?.('error', 'audit checkpoint failed', { error: err.message }));
    }, this.opts.intervalMs);
    this.timer.unref();
  }

  /** Stops the interval and signs once more, so a clean shutdown leaves the head signed. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.checkpointNow().catch((err: Error) => this.opts.log?.('warn', 'final audit checkpoint failed', { error: err.message }));
  }

  private async latestTrusted(): Promise<{ pos: number; head: Buffer }> {
    const candidates = [...readCheckpointFile(this.opts.file).checkpoints, ...(await listCheckpoints(this.db))]
      .filter((c) => checkpointSignatureValid(c, this.publicKey))
      .sort((a, b) => b.pos - a.pos);
    const latest = candidates[0];
    return latest ? { pos: latest.pos, head: Buffer.from(latest.headHash, 'hex') } : { pos: 0, head: GLOBAL_GENESIS };
  }
}

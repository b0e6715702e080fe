import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Database } from '../database';
import { appendCheckpointFile, checkpointSignatureValid, insertCheckpoint, listCheckpoints, readCheckpointFile, signCheckpoint, type Checkpoint } from './checkpoints';
import { GLOBAL_GENESIS, forEachLedgerEntry, ledgerEnd, nextGlobalHead, sealQueuedRecords } from './ledger';

export interface CheckpointerOptions {
  privateKey: KeyObject;
  /** The append-only file outside PostgreSQL. */
  file: string;
  /** How often the ledger's head is signed. */
  intervalMs: number;
  /** How often queued records are sealed into the ledger (default 1 s). */
  sealIntervalMs?: number;
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
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<unknown> = Promise.resolve();
  private busy = false;
  private readonly publicKey: KeyObject;

  constructor(
    private readonly db: Database,
    private readonly opts: CheckpointerOptions,
  ) {
    this.publicKey = createPublicKey(opts.privateKey);
  }

  /** Seals what is queued, then signs the head if the ledger grew since the last checkpoint; returns what was written, or null. */
  async checkpointNow(): Promise<Checkpoint | null> {
    await sealQueuedRecords(this.db);
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
    if (this.timers.length) return;
    const every = (ms: number, work: () => Promise<unknown>, what: string) => {
      const timer = setInterval(() => {
        // One job at a time: a tick that finds the previous one still running is skipped, not queued.
        if (this.busy) return;
        this.busy = true;
        this.running = work()
          .catch((err: Error) => this.opts.log?.('error', `audit ${what} failed`, { error: err.message }))
          .finally(() => (this.busy = false));
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.opts.sealIntervalMs ?? 1000, () => sealQueuedRecords(this.db), 'ledger sealing');
    every(this.opts.intervalMs, () => this.checkpointNow(), 'checkpoint');
  }

  /** Stops the timers and seals and signs once more, so a clean shutdown leaves the head signed. */
  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
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

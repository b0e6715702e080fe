/** The three kinds of chain the audit record keeps, by the table that holds them. */
export const CHAIN_TABLES = ['audit_events', 'admin_audit_events', 'security_events'] as const;
export type ChainTable = (typeof CHAIN_TABLES)[number];

export interface BrokenLinkLike {
  table: string;
  chain: string;
}

export interface VerifyReportLike {
  records: Record<ChainTable, number>;
  brokenChains: readonly BrokenLinkLike[];
}

export interface ChainStatus {
  table: ChainTable;
  records: number;
  /** Chains of this table with a broken link (each listed once, at its first broken link). */
  broken: number;
  intact: boolean;
}

/** Each kind of chain's status: its records, and how many of its chains are broken. */
export function chainStatuses(report: VerifyReportLike): ChainStatus[] {
  return CHAIN_TABLES.map((table) => {
    const broken = new Set(report.brokenChains.filter((b) => b.table === table).map((b) => b.chain)).size;
    return { table, records: report.records[table] ?? 0, broken, intact: broken === 0 };
  });
}

/** A project chain's project id (`project:<id>`), to link the broken link to its project; null for the admin and security chains. */
export function projectOfChain(chain: string): string | null {
  const match = /^project:([0-9a-f-]{36})$/i.exec(chain);
  return match ? match[1] : null;
}

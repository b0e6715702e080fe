import { Inject, Injectable } from '@nestjs/common';
import { KPI_DEFINITIONS, type KpiRow, type TargetScopeKind } from '@zs/domain';
import { listDepartments, listTargets, listTeams, type Database } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';
import type { KpiDefinitionDto, KpiTableDto } from './dto/kpi.dto';
import { KpiFactsCache } from './kpi-facts-cache';
import { KpiTableTallies } from './kpi-table-tallies';
import type { KpiRequest } from './kpi-request';

const TARGET_SCOPES: Partial<Record<KpiRequest['groupBy'], TargetScopeKind>> = { department: 'department', team: 'team', officer: 'officer', zone: 'zone' };

export function kpiDefinitions(): KpiDefinitionDto[] {
  return KPI_DEFINITIONS.map(({ code, label, formula, unit }) => ({ code, label, formula, unit }));
}

@Injectable()
export class KpisService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly sources: KpiFactsCache,
    private readonly tallies: KpiTableTallies,
  ) {}

  async table(req: KpiRequest): Promise<KpiTableDto> {
    const { zone, sources } = await this.sources.current();
    const scope = TARGET_SCOPES[req.groupBy];
    // 到位资金目标完成率 compares with the target of the year the window ends in.
    const year = Number((req.to && req.to < req.asOf ? req.to : req.asOf).slice(0, 4));
    const targets = scope ? await listTargets(this.db, year, scope) : [];
    const byScope = new Map(targets.map((t) => [t.scopeId, t]));
    const rows = this.tallies.rows(JSON.stringify([zone, req]), sources, req.filter, {
      groupBy: req.groupBy,
      period: req.period,
      from: req.from,
      to: req.to,
      asOf: req.asOf,
      targetOf: (group) => {
        const t = byScope.get(scope === 'zone' ? 'zone' : (group ?? ''));
        return t ? { fundsInPlaceYi: t.fundsInPlaceYi, contractInvestmentYi: t.contractInvestmentYi } : null;
      },
    });
    return {
      groupBy: req.groupBy,
      period: req.period ?? null,
      from: req.from,
      to: req.to,
      asOf: req.asOf,
      definitions: kpiDefinitions(),
      rows: await this.named(req.groupBy, rows),
    };
  }

  /** Department and team names in place of their ids (ids stay in `group`). */
  private async named(groupBy: KpiRequest['groupBy'], rows: KpiRow[]): Promise<KpiRow[]> {
    let names: Map<string, string> | null = null;
    if (groupBy === 'department' || groupBy === 'reporter_department') names = new Map((await listDepartments(this.db)).map((d) => [d.id, d.name]));
    if (groupBy === 'team') names = new Map((await listTeams(this.db)).map((t) => [t.id, t.name]));
    if (!names) return rows;
    return rows.map((r) => (r.group && names!.has(r.group) ? { ...r, groupLabel: names!.get(r.group)! } : r));
  }
}

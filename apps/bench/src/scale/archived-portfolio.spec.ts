import { TERMINAL_STAGES, toProjectFacts } from '@zs/domain';
import { archivedProject, archivedProjectId, INDUSTRY_CHAINS } from './archived-portfolio';

const org = { departmentIds: ['d0', 'd1', 'd2'] };

describe('bench:scale archived portfolio', () => {
  const rows = Array.from({ length: 200 }, (_, i) => archivedProject(i, org));

  it('is closed projects only: rejected, lost and completed, in 3 : 3 : 4', () => {
    const stages = rows.map((r) => r.state.stage);
    expect(stages.every((s) => TERMINAL_STAGES.includes(s))).toBe(true);
    expect(stages.filter((s) => s === 'rejected')).toHaveLength(60);
    expect(stages.filter((s) => s === 'lost')).toHaveLength(60);
    expect(stages.filter((s) => s === 'completed')).toHaveLength(80);
  });

  it('is the same project for the same index (a resumed fill rewrites, never duplicates)', () => {
    expect(archivedProject(123, org)).toEqual(rows[123]);
    expect(rows[5].state.projectId).toBe(archivedProjectId(5));
    expect(new Set(rows.map((r) => r.state.projectId)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.state.lead.companyName)).size).toBe(rows.length);
  });

  it('spreads over years, chains and departments, on registered chains, with KPI facts the projection would write', () => {
    expect(new Set(rows.map((r) => new Date(r.state.registeredAt).getUTCFullYear())).size).toBe(7);
    expect(new Set(rows.map((r) => r.state.lead.industryChain))).toEqual(new Set(INDUSTRY_CHAINS));
    expect(new Set(rows.map((r) => r.state.ownership?.owner?.departmentId))).toEqual(new Set(org.departmentIds));
    const completed = rows.find((r) => r.state.stage === 'completed')!;
    const facts = toProjectFacts(completed.state);
    expect(facts.signedOn).not.toBeNull();
    expect(facts.closure).not.toBeNull();
  });
});

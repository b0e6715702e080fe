import { randomUUID } from 'node:crypto';
import { addDays, MILESTONE_KINDS, type OrgRef, type ProjectFacts } from '@zs/domain';

/** A small deterministic generator, so every run measures the same portfolio. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/**
 * `count` projects' KPI facts (npm run bench:kpi): 20 departments, 60 teams, 300 officers, 10
 * chains, 5 campaigns, two years of registrations, about half signed with a milestone plan and funds.
 */
export function benchFacts(count: number): ProjectFacts[] {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const chains = Array.from({ length: 10 }, (_, i) => `产业链${i + 1}`);
  const officer = (i: number): OrgRef => ({ userId: `officer-${i}`, displayName: `招商专员${i}`, departmentId: `dep-${i % 20}`, teamId: `team-${i % 60}` });
  return Array.from({ length: count }, (_, i) => {
    const owner = officer(Math.floor(rand() * 300));
    const registeredOn = addDays('2025-01-01', Math.floor(rand() * 540));
    const registeredAt = Date.parse(`${registeredOn}T02:00:00Z`);
    const decidedOn = addDays(registeredOn, Math.floor(rand() * 3));
    const signedOn = rand() < 0.5 ? addDays(registeredOn, 10 + Math.floor(rand() * 120)) : null;
    const nodes = signedOn
      ? MILESTONE_KINDS.map((kind, k) => {
          const dueOn = addDays(signedOn, 20 * (k + 1));
          return { kind, dueOn, completedOn: rand() < 0.7 ? addDays(dueOn, Math.floor(rand() * 20) - 10) : null };
        })
      : [];
    const contractInvestmentYi = signedOn ? Math.round(rand() * 2000) / 100 : null;
    return {
      projectId: randomUUID(),
      companyName: `压测企业${i}`,
      stage: signedOn ? 'construction' : 'negotiation',
      kind: 'new',
      industryChain: pick(chains),
      estimatedInvestmentYi: contractInvestmentYi ?? 1,
      fortune500Lists: rand() < 0.05 ? ['global'] : [],
      importedAt: null,
      imported: false,
      reporter: owner,
      owner,
      campaignId: rand() < 0.3 ? `campaign-${Math.floor(rand() * 5)}` : null,
      registeredAt,
      registeredOn,
      intake: { decision: 'accept', decidedAt: Date.parse(`${decidedOn}T03:00:00Z`), decidedOn, activeElapsedMs: 3_600_000, budgetMs: 172_800_000, withinLimit: rand() < 0.9, measured: true },
      signedOn,
      contractInvestmentYi,
      committed: null,
      constructionStartOn: nodes[5]?.completedOn ?? null,
      equipmentEntryOn: nodes[6]?.completedOn ?? null,
      productionOn: nodes[8]?.completedOn ?? null,
      nodes,
      fulfilment: { lastCheckFulfilled: null, lastCheckOn: null, checks: [] },
      closure: null,
      funds: signedOn ? [1, 2, 3].map((m) => ({ date: addDays(signedOn, 30 * m), amountYi: Math.round(rand() * 300) / 100 })) : [],
      firstTaxOn: null,
    } satisfies ProjectFacts;
  });
}

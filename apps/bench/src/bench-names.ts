import { createHash } from 'node:crypto';

/**
 * Company names for the benchmarks: distinct and unlike each other, so the duplicate check at
 * registration (same or similar name, libs/domain/src/company-name.ts) lets every one through,
 * as it would a zone's real, different firms. Deterministic: six CJK characters from a hash of
 * the index.
 */
export function benchCompanyName(i: number, salt = 0): string {
  const digest = createHash('sha256').update(`${salt}:${i}`).digest();
  let name = '';
  for (let k = 0; k < 6; k++) name += String.fromCharCode(0x4e00 + (digest.readUInt16BE(k * 2) % 0x51a5));
  return `${name}有限公司`;
}

/** The chains the HTTP benchmarks register leads in unless told otherwise. */
const BENCH_CHAINS = ['先进轨道交通装备', '新能源汽车', '新能源新材料'] as const;

/** The i-th lead a benchmark registers over HTTP (POST /leads): a distinct company, varied grade, amount and chain. */
export function benchLead(i: number, salt = 0, chains: readonly string[] = BENCH_CHAINS) {
  return {
    companyName: benchCompanyName(i, salt),
    contactName: '测试',
    industryChain: chains[i % chains.length],
    estimatedInvestmentYi: 1 + (i % 50),
    sourceChannel: 'small_team',
    infoGrade: (['A', 'B', 'C'] as const)[i % 3],
    fortune500: false,
    specializedSme: i % 2 === 0,
    kind: 'new',
  };
}

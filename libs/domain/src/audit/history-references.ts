/**
 * The ids an audit payload names (a commissioner, a node's responsible person, an owner, a
 * department, a team …), found by their key so that a new step's payload is covered without a
 * list to update: `…UserId`/`userId` is a person, `…DepartmentId` a department, `…TeamId` a
 * team, `…ChainId` an industry chain, `…CampaignId` a campaign; plural keys (`memberUserIds`)
 * hold lists. The auditor's history puts the names beside these ids.
 */
export const HISTORY_REFERENCE_KINDS = ['user', 'department', 'team', 'industry_chain', 'campaign'] as const;
export type HistoryReferenceKind = (typeof HISTORY_REFERENCE_KINDS)[number];

export const HISTORY_REFERENCE_LABELS: Record<HistoryReferenceKind, string> = {
  user: '人员',
  department: '部门',
  team: '小分队',
  industry_chain: '产业链',
  campaign: '招商攻势',
};

export interface HistoryReference {
  /** Where in the payload, e.g. `plan.nodes[2].responsibleUserId`. */
  field: string;
  kind: HistoryReferenceKind;
  id: string;
}

const KEY_KINDS: Array<[RegExp, HistoryReferenceKind]> = [
  [/(^u|U)serIds?$/, 'user'],
  [/(^d|D)epartmentIds?$/, 'department'],
  [/(^t|T)eamIds?$/, 'team'],
  [/(^c|C)hainIds?$/, 'industry_chain'],
  [/(^c|C)ampaignIds?$/, 'campaign'],
];

function kindOfKey(key: string): HistoryReferenceKind | null {
  for (const [pattern, kind] of KEY_KINDS) if (pattern.test(key)) return kind;
  return null;
}

/** Every id the payload names, in the order met (depth first), each with its path. */
export function payloadReferences(payload: unknown): HistoryReference[] {
  const found: HistoryReference[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
      return;
    }
    if (!value || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const field = path ? `${path}.${key}` : key;
      const kind = kindOfKey(key);
      if (kind && typeof v === 'string' && v !== '') found.push({ field, kind, id: v });
      else if (kind && Array.isArray(v)) v.forEach((id, i) => typeof id === 'string' && id !== '' && found.push({ field: `${field}[${i}]`, kind, id }));
      else walk(v, field);
    }
  };
  walk(payload, '');
  return found;
}

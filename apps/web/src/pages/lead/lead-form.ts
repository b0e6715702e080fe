import {
  INVESTMENT_DECIMAL_PLACES,
  MAX_ESTIMATED_INVESTMENT_YI,
  creditCodeProblem,
  hasAtMostDecimalPlaces,
  normaliseCreditCode,
  type Fortune500List,
  type InfoGrade,
  type InvestorOrigin,
  type ProjectKind,
  type SourceChannel,
  type SpecializedSmeLevel,
} from '@zs/domain';
import type { ApiError } from '../../api/api-error';
import type { components } from '../../api/schema';

export type RegisterLeadBody = components['schemas']['RegisterLeadDto'];

/** The lead form's fields as Ant Design holds them (blank text as undefined or ''). */
export interface LeadFormValues {
  companyName?: string;
  creditCode?: string;
  contactName?: string;
  contactPhone?: string;
  industryChain?: string;
  estimatedInvestmentYi?: number | null;
  kind?: ProjectKind;
  sourceChannel?: SourceChannel;
  infoGrade?: InfoGrade;
  fortune500Lists?: Fortune500List[];
  listedCompany?: boolean;
  specializedSme?: boolean;
  specializedSmeLevel?: SpecializedSmeLevel | null;
  origin?: InvestorOrigin | null;
  ownerUserId?: string;
  campaignId?: string;
  notes?: string;
}

const blankToUndefined = (value: string | undefined): string | undefined => (value && value.trim() ? value.trim() : undefined);

/**
 * Why a typed 统一社会信用代码 is wrong, in Chinese (the domain's own rule, so the form and the API
 * never disagree), or null when it is right or left blank (it is optional).
 */
export function creditCodeFormProblem(raw: string | undefined): string | null {
  if (!raw || !raw.trim()) return null;
  const problem = creditCodeProblem(normaliseCreditCode(raw));
  return problem ? `统一社会信用代码${problem}` : null;
}

/** Why an estimated investment (亿元) is refused, or null. */
export function investmentProblem(value: number | null | undefined): string | null {
  if (value === null || value === undefined || Number.isNaN(value)) return '请填写预计投资额（亿元）';
  if (value <= 0) return '预计投资额须大于 0';
  if (value > MAX_ESTIMATED_INVESTMENT_YI) return `预计投资额不得超过 ${MAX_ESTIMATED_INVESTMENT_YI} 亿元（是否误按“元”填写？）`;
  if (!hasAtMostDecimalPlaces(value, INVESTMENT_DECIMAL_PLACES)) return `预计投资额最多 ${INVESTMENT_DECIMAL_PLACES} 位小数`;
  return null;
}

/**
 * The body of POST /leads. 500强 and 专精特新 are said once: the lists give "500强", a level
 * gives "专精特新" (the API refuses a contradiction, so the form never sends one).
 */
export function leadBodyOf(values: LeadFormValues, confirmDuplicateOf?: string): RegisterLeadBody {
  const lists = values.fortune500Lists ?? [];
  const level = values.specializedSme ? (values.specializedSmeLevel ?? null) : null;
  const creditCode = blankToUndefined(values.creditCode);
  const body: RegisterLeadBody = {
    companyName: (values.companyName ?? '').trim(),
    contactName: (values.contactName ?? '').trim(),
    industryChain: values.industryChain ?? '',
    estimatedInvestmentYi: values.estimatedInvestmentYi ?? 0,
    sourceChannel: values.sourceChannel!,
    infoGrade: values.infoGrade!,
    kind: values.kind!,
    fortune500: lists.length > 0,
    fortune500Lists: lists,
    listedCompany: values.listedCompany ?? false,
    specializedSme: values.specializedSme ?? false,
    specializedSmeLevel: level,
    origin: values.origin ?? null,
  };
  const optional = {
    contactPhone: blankToUndefined(values.contactPhone),
    creditCode: creditCode ? normaliseCreditCode(creditCode) : undefined,
    ownerUserId: values.ownerUserId,
    campaignId: values.campaignId,
    notes: blankToUndefined(values.notes),
    confirmDuplicateOf,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (body as Record<string, unknown>)[key] = value;
  return body;
}

/** A project the API says the lead may duplicate: its id (for the link and the confirmation), its name and why. */
export interface DuplicateCandidate {
  projectId: string;
  companyName: string | null;
  reason: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The projects a 409 DUPLICATE_SUSPECTED names: one detail per project, its message holding the
 * project's id, its name in 「」 and why it matched. The id is taken out of the reason shown to people.
 */
export function duplicateCandidatesOf(error: Pick<ApiError, 'code' | 'details'>): DuplicateCandidate[] {
  if (error.code !== 'DUPLICATE_SUSPECTED') return [];
  const seen = new Set<string>();
  const candidates: DuplicateCandidate[] = [];
  for (const detail of error.details) {
    const projectId = UUID.exec(detail.message)?.[0]?.toLowerCase();
    if (!projectId || seen.has(projectId)) continue;
    seen.add(projectId);
    const companyName = /「([^」]+)」/.exec(detail.message)?.[1] ?? null;
    const reason = detail.message
      .replace(UUID, '')
      .replace(/「[^」]+」/, '')
      .replace(/^(已有项目|project)\s*/i, '')
      .trim();
    candidates.push({ projectId, companyName, reason });
  }
  return candidates;
}

/** A key for one filled-in form: a retry of the same form lands on the same project, never a second one. */
export function newIdempotencyKey(): string {
  return `lead-form:${crypto.randomUUID()}`;
}

import { localized, type Localized } from '../i18n/localized';
import { STAGE_LABELS, type Stage } from '../stages';

/**
 * A step refused because of the project's stage, said the same way by every transition:
 * 项目处于「洽谈」阶段，不能录入签约合同（须在「签约」阶段办理） /
 * cannot record the contract: project is in stage negotiation (洽谈), not signing.
 */
export function stageRefusal(stage: Stage, doing: Localized, required: readonly Stage[] = []): Localized {
  const where = required.length > 0 ? `（须在${required.map((s) => `「${STAGE_LABELS[s]}」`).join('或')}阶段办理）` : '';
  const not = required.length > 0 ? `, not ${required.join(' or ')}` : '';
  return localized(`项目处于「${STAGE_LABELS[stage]}」阶段，不能${doing.zh}${where}`, `cannot ${doing.en}: project is in stage ${stage} (${STAGE_LABELS[stage]})${not}`);
}

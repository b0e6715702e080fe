import type { ProjectStepId } from '../../../logic/project-steps';
import { commissionerForm, contractForm } from './signing-forms';
import { milestoneCompleteForm, milestonePlanForm, productionForm, progressForm, rebaselineForm } from './construction-forms';
import { intakeDecisionForm, intakeInfoForm, negotiationContactForm, negotiationOutcomeForm } from './intake-forms';
import { clockReasonForm, completionForm, firstTaxForm, fulfilmentCheckForm, fundsForm, ownershipForm, terminationForm, visitForm } from './record-forms';
import { raiseServiceRequestForm } from './service-forms';
import type { StepForm } from './step-form';

/** The form of every step of the catalogue (a missing one is a type error). */
export const STEP_FORMS: Record<ProjectStepId, StepForm> = {
  decideIntake: intakeDecisionForm,
  provideIntakeInfo: intakeInfoForm,
  recordNegotiationContact: negotiationContactForm,
  concludeNegotiation: negotiationOutcomeForm,
  signContract: contractForm,
  assignCommissioner: commissionerForm,
  establishMilestonePlan: milestonePlanForm,
  completeMilestone: milestoneCompleteForm,
  logConstructionProgress: progressForm,
  rebaselinePlan: rebaselineForm,
  recordProduction: productionForm,
  recordFulfilmentCheck: fulfilmentCheckForm,
  completeProject: completionForm,
  terminateContract: terminationForm,
  pauseProjectClock: clockReasonForm,
  resumeProjectClock: clockReasonForm,
  reassignOwnership: ownershipForm,
  recordFundsInPlace: fundsForm,
  recordVisit: visitForm,
  recordFirstTax: firstTaxForm,
  raiseServiceRequest: raiseServiceRequestForm,
};

// The facts of the law that pages show, re-exported from the domain's zod-free modules (a page that
// imports the contract ships no schema library; lint checks that). Each fact lives once, in the domain.
export { AGENCY_LEVEL_LABELS, AGENCY_LEVELS } from '../domain/agency/level-labels.js';
export { CLOCK_RUNNING_STATUSES, clockRunsIn, DOSSIER_STATUSES, STATUS_INFO, type DossierStatusName, type PortalStatusCode, type StatusInfo } from '../domain/dossier/status-info.js';
export { EVALUATION_INDEX_LABELS } from '../domain/evaluation/index-labels.js';
export { SATISFACTION_LEVELS, SATISFACTION_SCALE } from '../domain/evaluation/satisfaction-scale.js';
export { findForm, FORM_SET_TT01_2018, FORM_SET_TT03_2025, FORM_SETS, formLabel, type FormNumber, type FormPurpose, type FormSet, type FormSetId, type OfficialForm } from '../domain/forms/official-forms.js';
export { behaviourOf, formSetOf, isCitizenHeld, RULE_SET_BEHAVIOUR, slipIssuedBy, type RuleSetBehaviour } from '../domain/rule-set/behaviour.js';
export { ACTION_LABEL_TEXT } from '../domain/lifecycle/action-labels.js';
export { ONLINE_LEVEL_LABELS, ONLINE_LEVELS } from '../domain/procedure/labels.js';
export { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../domain/payment/method-labels.js';
export type { Bilingual } from '../domain/shared/bilingual.js';
export type { ActionType } from '../domain/lifecycle/actions.js';
export type { Procedure } from '../domain/procedure/procedure.js';

// The facts of the law that pages show, re-exported from the domain's zod-free modules (a page that
// imports the contract ships no schema library; lint checks that). Each fact lives once, in the domain.
export { AGENCY_KIND_LABELS, AGENCY_KIND_LEVELS, AGENCY_KINDS, AGENCY_LEVEL_LABELS, AGENCY_LEVELS, DESK_KINDS, type AgencyKindName } from '../domain/agency/level-labels.js';
export { calendarWarningText, nextYearCalendarWarning, type CalendarWarning } from '../domain/time/calendar-warning.js';
export { CLOCK_RUNNING_STATUSES, clockRunsIn, DOSSIER_STATUSES, STATUS_INFO, type DossierStatusName, type PortalStatusCode, type StatusInfo } from '../domain/dossier/status-info.js';
export { EVALUATION_INDEX_LABELS } from '../domain/evaluation/index-labels.js';
export { D766_GROUP_LABELS, D766_GROUPS, D766_SUB_INDICATOR_INFO, D766_SUB_INDICATORS, type D766Group, type D766SubIndicator } from '../domain/evaluation/d766-labels.js';
export {
  FEEDBACK_CATEGORIES,
  FEEDBACK_CATEGORY_LABELS,
  FEEDBACK_CHANNEL_LABELS,
  FEEDBACK_DEADLINE_LABELS,
  FEEDBACK_STATUS_LABELS,
  type FeedbackCategory,
  type FeedbackChannel,
  type FeedbackStatus,
} from '../domain/feedback/labels.js';
export { SATISFACTION_LEVELS, SATISFACTION_SCALE } from '../domain/evaluation/satisfaction-scale.js';
export { RATING_CRITERIA, RATING_CRITERIA_LABELS, type RatingCriterion } from '../domain/evaluation/rating-criteria-labels.js';
export { EVALUATION_CLASS_LABELS } from '../domain/evaluation/aggregate.js';
export { findForm, FORM_SET_TT01_2018, FORM_SET_TT03_2025, FORM_SETS, formLabel, type FormNumber, type FormPurpose, type FormSet, type FormSetId, type OfficialForm } from '../domain/forms/official-forms.js';
export { behaviourOf, formSetOf, isApplicantSlip, isCitizenHeld, RULE_SET_BEHAVIOUR, slipIssuedBy, type RuleSetBehaviour } from '../domain/rule-set/behaviour.js';
export { ACTION_LABEL_TEXT } from '../domain/lifecycle/action-labels.js';
export { CITIZEN_STEP_TEXT, citizenTimeline, type CitizenStepAction } from '../domain/lifecycle/citizen-steps.js';
export { freshComponentId, legacyItemComponentId, supplementTargets, type SupplementTarget } from '../domain/dossier/supplement.js';
export { ONLINE_LEVEL_LABELS, ONLINE_LEVELS, PROCEDURE_FIELDS, STEP_ROLE_LABELS, STEP_ROLES } from '../domain/procedure/labels.js';
export { applicantSeesResults, onlineReturnProblem, resultDocumentCode, resultIssueProblem } from '../domain/result/policy.js';
export { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../domain/payment/method-labels.js';
export type { Bilingual } from '../domain/shared/bilingual.js';
export type { ActionType } from '../domain/lifecycle/actions.js';
export type { Procedure } from '../domain/procedure/procedure.js';
export { CONSENT_PURPOSE_TEXT, CONSENT_PURPOSES, PRIVACY_NOTICE, PRIVACY_NOTICE_VERSION, type ConsentPurpose, type NoticeSection } from '../domain/privacy/notice.js';
export { DATA_REQUEST_ACTIONS, DATA_REQUEST_KINDS, DATA_REQUEST_LIMITS, DATA_REQUEST_STATUSES, DELETION_SCOPE, type DataRequestAction, type DataRequestKind, type DataRequestStatus } from '../domain/privacy/data-request-facts.js';
export { taxCodeProblem, type TaxCodeProblem } from '../domain/applicant/tax-code.js';
export { APPLICANT_CHANNEL_DEFAULTS, type ApplicantChannel } from '../domain/applicant/notification-defaults.js';

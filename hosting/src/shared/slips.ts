// Which official slip a lifecycle event makes, what it is called, and the id it is stored under — from the
// contract's form sets, by the dossier's rule set (Circular 01/2018 or Circular 03/2025 numbers): both
// dossier pages wait for the slip of the latest action by these.
import { formLabel, formSetOf, isApplicantSlip, RULE_SET_BEHAVIOUR, slipIssuedBy, slipId, type Bilingual } from '../../../functions/src/contract/index.js';

export { slipId };

type RuleSetName = keyof typeof RULE_SET_BEHAVIOUR;

/** The rule set of a dossier as read from Firestore or the API; older documents without one are Decree 118's. */
export function ruleSetOf(value: unknown): RuleSetName {
  return typeof value === 'string' && Object.hasOwn(RULE_SET_BEHAVIOUR, value) ? (value as RuleSetName) : 'nd118-2025';
}

/** The form number of the slip made after an event, if it makes one. */
export function slipFormAfter(ruleSet: unknown, eventType: string): string | undefined {
  return slipIssuedBy(ruleSetOf(ruleSet), eventType);
}

/** The form number of the slip made after an event, if it makes one addressed to the applicant (not a control slip). */
export function applicantSlipAfter(ruleSet: unknown, eventType: string): string | undefined {
  const form = slipFormAfter(ruleSet, eventType);
  return form !== undefined && isApplicantSlip(ruleSetOf(ruleSet), form) ? form : undefined;
}

/** "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)". */
export function slipLabel(ruleSet: unknown, form: string): Bilingual {
  return formLabel(formSetOf(ruleSetOf(ruleSet)), form);
}

// What a rule set changes in behaviour, not only in name. A dossier is handled under the rule set it pinned
// at creation, to the end; these tables are read by the lifecycle rules, `decide`, the slips and the jobs.
// Facts the reference marks "reported" (the dossier-code pattern) are defaults an administrator can
// override without a deploy (`ruleSetSettings/{ruleSet}`, parsed by `RuleSetSettings`).
// Plain data without zod: the pages read the form set through the contract.
import { FORM_SETS, type FormNumber, type FormSet, type FormSetId, type OfficialForm } from '../forms/official-forms.js';
import type { RuleSet } from './rule-set.js';
import type { RuleSetSettings } from './settings.js';

/**
 * How dossier codes look: `<issuer>-<date>-<sequence>`; the sequence widens past its width instead of
 * failing. Who the issuer is: dossier-code/issuer.ts.
 */
export type DossierCodeFormat = {
  readonly yearDigits: 2 | 4;
  readonly sequenceWidth: number;
};

export type RuleSetBehaviour = {
  readonly formSet: FormSetId;
  readonly code: DossierCodeFormat;
  readonly supplement: {
    /** Decree 61 practice: a lead may ask for a further round with a written reason. Decree 118: once, full stop. */
    readonly leadMayRepeat: boolean;
    /** A request after appraisal must be made within this many working days of reception (null: no limit). */
    readonly afterReceptionWithinWorkingDays: number | null;
    /** A request not answered within this many days of the notice closes the dossier (null: it stays open). */
    readonly closeAfterDays: number | null;
  };
  /** Decree 118 Art. 21: after reception the applicant asks to stop and an officer confirms (form 05); withdrawal is for dossiers not yet received. */
  readonly applicantStop: boolean;
  /** Decree 118 Art. 17.2: an online dossier alerts the desk, which accepts or returns it within working hours. */
  readonly onlineIntake: { readonly alertAfterHours: number; readonly decideWithinWorkingHours: number } | null;
  /** Decree 118 Art. 14: any desk of the province receives any procedure (except those marked otherwise). */
  readonly receptionAnywhere: boolean;
};

export const RULE_SET_BEHAVIOUR = {
  'nd61-2018': {
    formSet: 'tt01-2018',
    code: { yearDigits: 2, sequenceWidth: 4 },
    supplement: { leadMayRepeat: true, afterReceptionWithinWorkingDays: 3, closeAfterDays: null },
    applicantStop: false,
    onlineIntake: null,
    receptionAnywhere: false,
  },
  'nd118-2025': {
    formSet: 'tt03-2025',
    // Art. 28 names the parts (issuer, reception date, daily sequence) but the exact pattern is reported
    // only; Circular 01's widths are the default until an administrator sets the province's pattern.
    code: { yearDigits: 2, sequenceWidth: 4 },
    supplement: { leadMayRepeat: false, afterReceptionWithinWorkingDays: 3, closeAfterDays: 15 },
    applicantStop: true,
    onlineIntake: { alertAfterHours: 2, decideWithinWorkingHours: 8 },
    receptionAnywhere: true,
  },
} as const satisfies Record<RuleSet, RuleSetBehaviour>;

export function behaviourOf(ruleSet: RuleSet, settings?: RuleSetSettings): RuleSetBehaviour {
  const base: RuleSetBehaviour = RULE_SET_BEHAVIOUR[ruleSet];
  return settings?.code ? { ...base, code: { ...base.code, ...settings.code } } : base;
}

export function formSetOf(ruleSet: RuleSet): FormSet {
  return FORM_SETS[RULE_SET_BEHAVIOUR[ruleSet].formSet];
}

/** The slip an action issues under a rule set, if any. */
export function slipIssuedBy(ruleSet: RuleSet, action: string): FormNumber | undefined {
  const issued: Readonly<Record<string, FormNumber>> = formSetOf(ruleSet).issuedBy;
  return Object.hasOwn(issued, action) ? issued[action] : undefined;
}

/** Whether the applicant holds this form of a dossier under its rule set (their QR token opens it). */
export function isCitizenHeld(ruleSet: RuleSet, form: string): boolean {
  return (formSetOf(ruleSet).forms as Record<string, OfficialForm | undefined>)[form]?.citizenHeld ?? false;
}

/**
 * Whether the applicant's own pages list this form: every slip addressed to them (receipt, supplement
 * request, refusal, apology, stop notice), never the agencies' internal control slip or register.
 * Wider than `isCitizenHeld` (what the receipt's QR token opens): under Circular 01/2018 the apology letter
 * is sent to the signed-in applicant even though the token does not open it.
 */
export function isApplicantSlip(ruleSet: RuleSet, form: string): boolean {
  const purpose = (formSetOf(ruleSet).forms as Record<string, OfficialForm | undefined>)[form]?.purpose;
  return purpose !== undefined && purpose !== 'controlSlip' && purpose !== 'register';
}

// decide: the whole legal decision of one action, as pure code. The shell (features/dossiers) loads the
// dossier and the facts below, calls decide, and stores what it returns; it chooses nothing itself.
//  1. Service fields: the fields people never send are set here — the dossier code and the register entry
//     the shell reserved, the online-intake deadlines, the due date at reception, the expiry of a
//     supplement request, the due date when a supplement arrives (restart or pause of the clock, per the
//     pinned procedure version), and the components after a supplement is merged in. Which of these apply
//     is the dossier's rule set's business (rule-set/behaviour.ts).
//  2. applyAction: the lifecycle table and its rules (apply.ts).
//  3. Effects: which official slip the action issues (by the dossier's form set), whether the applicant
//     is told, whether the reception desk is alerted, and the rows of the digital control slip (handoffs)
//     to open, acknowledge or close with their timeliness.
import type { DossierCode } from '../dossier-code/dossier-code.js';
import type { DossierComponent } from '../dossier/component.js';
import type { Dossier } from '../dossier/dossier.js';
import type { FORM_SETS, FormNumber } from '../forms/official-forms.js';
import { behaviourOf, slipIssuedBy } from '../rule-set/behaviour.js';
import type { OnlineIntake, RegisterEntry } from '../dossier/dossier.js';
import { DomainError } from '../shared/domain-error.js';
import {
  classifyTimeliness,
  computeDeadline,
  computeDeadlineWithSupplements,
  type Duration,
  type Timeliness,
  type WorkingCalendar,
  type WorkingHours,
} from '../time/index.js';
import type { ActionType, DossierActionInput, DueDate } from './actions.js';
import type { Actor } from './actor.js';
import { applyAction, type TransitionResult } from './apply.js';
import type { DossierEvent } from './event.js';

/** The legal time of the pinned procedure version and the hours of the agency that counts it. */
export type LegalTime = { readonly duration: Duration; readonly workingHours: WorkingHours };

/** What the shell reads for a decision; decide never reads anything itself. */
export type DecisionFacts = {
  readonly calendar: WorkingCalendar;
  /** Rows of the control slip written so far (the last one is the open row). */
  readonly handoffCount: number;
  /** Needed when `needsLegalTime` says so: the decision sets a due date. */
  readonly legalTime?: LegalTime;
  /** Reserved by the shell from the agency's daily counter: creation (submit, intake) only. */
  readonly code?: DossierCode;
  /** Reserved by the shell from the receiving agency's yearly register: reception only. */
  readonly registerEntry?: RegisterEntry;
};

/**
 * What a caller asks for. Service fields are absent; a supplement carries only what it adds (paper counts
 * and the files the shell resolved from upload ids), which decide merges into the components on record.
 */
export type ActionRequest =
  | WithoutServiceFields<Exclude<DossierActionInput, { type: 'submitSupplement' }>>
  | { readonly type: 'submitSupplement'; readonly additions?: readonly DossierComponent[] };

/** Fields only the service sets (counters, deadlines): a client that sends one is refused. */
export const SERVICE_FIELDS = ['code', 'due', 'intake', 'registerEntry', 'expiresAt'] as const;
type WithoutServiceFields<A> = A extends unknown ? Omit<A, (typeof SERVICE_FIELDS)[number]> : never;

/** A row of the digital control slip (form 05 of Circular 01/2018). */
export type HandoffRow = {
  readonly n: number;
  readonly fromAgencyId: string;
  readonly toAgencyId: string;
  readonly task: string;
  readonly handedOverAt: Date;
  readonly handedOverBy: string;
  readonly dueAt: Date | null;
  readonly acknowledgedAt: null;
  readonly acknowledgedBy: null;
  readonly completedAt: null;
  readonly result: null;
};

export type HandoffEffect =
  | { readonly kind: 'open'; readonly row: HandoffRow }
  | { readonly kind: 'acknowledge'; readonly n: number; readonly at: Date; readonly by: string }
  | { readonly kind: 'close'; readonly n: number; readonly completedAt: Date; readonly result: Timeliness | null };

export type TransitionEffects = {
  /** The official slip this action issues (a slip request the slip worker renders). */
  readonly slip: FormNumber | undefined;
  /** The applicant is told about this transition (internal steps such as assign or opinions are not). */
  readonly notifyApplicant: boolean;
  /** The receiving desk's officers are alerted at once (Decree 118 Art. 17.2: a dossier filed online). */
  readonly alertReception: boolean;
  readonly handoffs: readonly HandoffEffect[];
  /** Rows of the control slip after this action. */
  readonly handoffCount: number;
};

export type Decision =
  | { readonly ok: true; readonly dossier: Dossier; readonly event: DossierEvent; readonly effects: TransitionEffects }
  | Extract<TransitionResult, { ok: false }>;

/** Every action a form set names as issuing a slip is an action of the lifecycle (compile-time check). */
type Assert<T extends true> = T;
type IssuingActions = { [Id in keyof typeof FORM_SETS]: keyof (typeof FORM_SETS)[Id]['issuedBy'] }[keyof typeof FORM_SETS];
type _IssuingActionsExist = Assert<IssuingActions extends ActionType ? true : false>;

/** Transitions the applicant is told about. */
export const APPLICANT_IS_TOLD: ReadonlySet<ActionType> = new Set<ActionType>([
  'submit',
  'intake',
  'receive',
  'refuseAtReception',
  'requestSupplement',
  'submitSupplement',
  'requestPayment',
  'resolve',
  'extend',
  'returnResult',
  'withdraw',
  'stop',
  'requestStop',
  'confirmStop',
  'closeUnsupplemented',
]);

/** Whether deciding this action on this dossier sets a due date, so the shell must supply `legalTime`. */
export function needsLegalTime(dossier: Pick<Dossier, 'status' | 'supplement' | 'ruleSet' | 'channel'>, type: ActionRequest['type']): boolean {
  if (type === 'receive') return dossier.status === 'registered';
  if (type === 'submit') return behaviourOf(dossier.ruleSet).onlineIntake !== null;
  if (type === 'submitSupplement') return dossier.status === 'awaitingSupplement' && dossier.supplement?.requestedInStatus === 'processing';
  return false;
}

/** Whether this action takes the next line of the receiving agency's yearly register (reception). */
export function reservesRegisterEntry(dossier: Pick<Dossier, 'status'>, type: string): boolean {
  return type === 'receive' && dossier.status === 'registered';
}

export function decide(dossier: Dossier, request: ActionRequest, actor: Actor, now: Date, facts: DecisionFacts): Decision {
  const action = withServiceFields(dossier, request, now, facts);
  const result = applyAction(dossier, action, actor, now, { calendar: facts.calendar });
  if (!result.ok) return result;
  return { ...result, effects: effectsOf(dossier, result.dossier, result.event, facts.handoffCount) };
}

function legalTimeOf(facts: DecisionFacts): LegalTime {
  if (!facts.legalTime) {
    throw new DomainError('legal-time-missing', {
      vi: 'Thiếu thời hạn giải quyết của thủ tục để tính hạn',
      en: 'The procedure’s legal time is needed to set the due date',
    });
  }
  return facts.legalTime;
}

function withServiceFields(dossier: Dossier, request: ActionRequest, now: Date, facts: DecisionFacts): DossierActionInput {
  switch (request.type) {
    case 'submit': {
      // Without a code the lifecycle refuses the payload (the shell reserves one for every creation).
      const intake = needsLegalTime(dossier, 'submit') ? { intake: onlineIntakeDeadlines(dossier, legalTimeOf(facts), facts.calendar, now) } : {};
      return { ...request, code: facts.code as DossierCode, ...intake };
    }
    case 'intake':
      return { ...request, code: facts.code as DossierCode };
    case 'receive': {
      // Outside `registered` there is no due date to set: the lifecycle refuses the action (notInStatus)
      // before it looks at the payload.
      const due = needsLegalTime(dossier, 'receive') ? { due: dueAtReception(legalTimeOf(facts), facts.calendar, now) } : {};
      const entry = facts.registerEntry ? { registerEntry: facts.registerEntry } : {};
      return { ...request, ...due, ...entry } as DossierActionInput;
    }
    case 'requestSupplement': {
      const expiresAt = supplementExpiry(dossier, facts.calendar, now);
      return expiresAt ? { ...request, expiresAt } : request;
    }
    case 'submitSupplement': {
      const components = request.additions && request.additions.length > 0 ? { components: mergeComponents(dossier.components, request.additions) } : {};
      const due = needsLegalTime(dossier, 'submitSupplement') ? { due: dueAfterSupplement(dossier, legalTimeOf(facts), facts.calendar, now) } : {};
      return { type: 'submitSupplement', ...components, ...due };
    }
    default:
      return request;
  }
}

/**
 * Decree 118 Art. 17.2: an online dossier alerts the desk at once; untouched after `alertAfterHours` (clock
 * hours) it is escalated, and it must be accepted or returned within `decideWithinWorkingHours`.
 */
export function onlineIntakeDeadlines(dossier: Pick<Dossier, 'ruleSet'>, legalTime: LegalTime, calendar: WorkingCalendar, now: Date): OnlineIntake | undefined {
  const rule = behaviourOf(dossier.ruleSet).onlineIntake;
  if (!rule) return undefined;
  const decideBy = computeDeadline({
    start: now,
    duration: { value: rule.decideWithinWorkingHours, unit: 'workingHours' },
    calendar,
    workingHours: legalTime.workingHours,
  }).dueAt;
  return { alertAt: new Date(now.getTime() + rule.alertAfterHours * 3_600_000), decideBy };
}

/**
 * Decree 118 Art. 19.5: a supplement not completed within 15 days of the notice (or the procedure's
 * sectoral period) closes the dossier. The period ends at the close of its last day (Civil Code art. 147–148).
 */
export function supplementExpiry(dossier: Pick<Dossier, 'ruleSet' | 'procedure'>, calendar: WorkingCalendar, now: Date): Date | undefined {
  const sectoral = dossier.procedure.supplementExpiry;
  const days = sectoral ? sectoral.value : behaviourOf(dossier.ruleSet).supplement.closeAfterDays;
  if (days === null) return undefined;
  return computeDeadline({ start: now, duration: { value: days, unit: 'calendarDays' }, calendar }).dueAt;
}

/** The due date at reception: the procedure's legal time from now, in the counting agency's hours. */
export function dueAtReception(legalTime: LegalTime, calendar: WorkingCalendar, now: Date): DueDate {
  const result = computeDeadline({ start: now, duration: legalTime.duration, calendar, workingHours: legalTime.workingHours });
  return { at: result.dueAt, explanation: result.explanation };
}

/**
 * The due date when a supplement requested during handling arrives: the clock restarts from zero
 * (Decree 61 Art. 19(4), the default) or resumes where it paused, per the pinned procedure version. A
 * supplement requested at the reception check needs none: reception computes it.
 */
export function dueAfterSupplement(dossier: Pick<Dossier, 'supplement' | 'receivedAt' | 'procedure'>, legalTime: LegalTime, calendar: WorkingCalendar, now: Date): DueDate {
  const round = dossier.supplement;
  const { duration, workingHours } = legalTime;
  const result =
    dossier.procedure.supplementClockPolicy === 'pause' && round && dossier.receivedAt
      ? computeDeadlineWithSupplements({
          start: dossier.receivedAt,
          duration,
          calendar,
          workingHours,
          policy: 'pause',
          supplements: [{ requestedAt: round.requestedAt, receivedAt: now }],
        })
      : computeDeadline({ start: now, duration, calendar, workingHours });
  return { at: result.dueAt, explanation: result.explanation };
}

/** A supplement adds paper and files to the components on record; nothing handed in before is dropped. */
export function mergeComponents(onRecord: readonly DossierComponent[], additions: readonly DossierComponent[]): DossierComponent[] {
  const merged: DossierComponent[] = onRecord.map((c) => ({ ...c, attachments: [...c.attachments] }));
  for (const added of additions) {
    const existing = merged.find((c) => c.componentId === added.componentId);
    if (existing) {
      existing.originals += added.originals;
      existing.certifiedCopies += added.certifiedCopies;
      existing.copies += added.copies;
      existing.attachments.push(...added.attachments);
    } else {
      merged.push({ ...added, attachments: [...added.attachments] });
    }
  }
  return merged;
}

/**
 * The effects of an applied action. Control-slip rows: a transfer closes the open row (with its
 * timeliness against that agency's sub-deadline) and opens one for the receiving agency; an
 * acknowledgement stamps the open row; a resolution closes it.
 */
export function effectsOf(before: Dossier, after: Dossier, event: DossierEvent, handoffCount: number): TransitionEffects {
  const handoffs: HandoffEffect[] = [];
  let count = handoffCount;
  const closeOpen = () => {
    if (count === 0) return;
    const dueAt = before.currentStep?.dueAt;
    handoffs.push({ kind: 'close', n: count, completedAt: event.at, result: dueAt ? classifyTimeliness(dueAt, event.at) : null });
  };
  const p = event.payload;
  if (p.type === 'transfer') {
    closeOpen();
    count += 1;
    handoffs.push({
      kind: 'open',
      row: {
        n: count,
        fromAgencyId: before.currentStep?.agencyId ?? before.receivingAgencyId,
        toAgencyId: p.toAgencyId,
        task: p.task,
        handedOverAt: event.at,
        handedOverBy: event.actor.userId,
        dueAt: after.currentStep?.dueAt ?? null,
        acknowledgedAt: null,
        acknowledgedBy: null,
        completedAt: null,
        result: null,
      },
    });
  } else if (p.type === 'acknowledgeTransfer' && count > 0) {
    handoffs.push({ kind: 'acknowledge', n: count, at: event.at, by: event.actor.userId });
  } else if (p.type === 'resolve') {
    closeOpen();
  }
  return {
    slip: slipIssuedBy(before.ruleSet, event.type),
    notifyApplicant: APPLICANT_IS_TOLD.has(event.type),
    alertReception: event.type === 'submit' && after.intake !== undefined,
    handoffs,
    handoffCount: count,
  };
}

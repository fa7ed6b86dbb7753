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
import type { ProcessStep } from '../procedure/step.js';
import type { Dossier } from '../dossier/dossier.js';
import { mergeSupplementAnswer } from '../dossier/supplement.js';
import type { FORM_SETS, FormNumber } from '../forms/official-forms.js';
import { behaviourOf, slipIssuedBy } from '../rule-set/behaviour.js';
import type { OnlineIntake, RegisterEntry } from '../dossier/dossier.js';
import { DomainError } from '../shared/domain-error.js';
import {
  classifyTimeliness,
  computeDeadline,
  computeDeadlineWithSupplements,
  latestTransferTime,
  type Duration,
  type Timeliness,
  type WorkingCalendar,
  type WorkingHours,
} from '../time/index.js';
import type { ActionType, DossierActionInput, DueDate } from './actions.js';
import type { Actor } from './actor.js';
import { applyAction, type TransitionResult } from './apply.js';
import type { DossierEvent } from './event.js';

/**
 * The legal time of the pinned procedure version, the hours of the agency that counts it, and the
 * procedure's process (its steps give each agency of the route its task and time budget).
 */
export type LegalTime = { readonly duration: Duration; readonly workingHours: WorkingHours; readonly steps?: readonly ProcessStep[] };

/** What a routing decision needs to know of an agency. */
export type AgencyFacts = { readonly level: string; readonly workingHours?: WorkingHours };

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
  /** The agencies a transfer may involve (levels and hours), for its sub-deadlines and hand-over time. */
  readonly agencies?: ReadonlyMap<string, AgencyFacts>;
};

/**
 * What a caller asks for. Service fields are absent; a supplement carries only what it adds (paper counts
 * and the files the shell resolved from upload ids), which decide merges into the components on record.
 */
export type ActionRequest =
  | WithoutServiceFields<Exclude<DossierActionInput, { type: 'submitSupplement' }>>
  | { readonly type: 'submitSupplement'; readonly additions?: readonly DossierComponent[] };

/** Fields only the service sets (counters, deadlines), per action: a client that sends one is refused. */
export const SERVICE_FIELDS = {
  submit: ['code', 'intake'],
  intake: ['code'],
  receive: ['due', 'registerEntry'],
  requestSupplement: ['expiresAt'],
  submitSupplement: ['due'],
  confirmPayment: ['due'],
  transfer: ['dueAt', 'handOverBy'],
} as const satisfies Partial<Record<ActionType, readonly string[]>>;
type ServiceField = (typeof SERVICE_FIELDS)[keyof typeof SERVICE_FIELDS][number];
type WithoutServiceFields<A> = A extends { type: infer T }
  ? T extends keyof typeof SERVICE_FIELDS
    ? Omit<A, (typeof SERVICE_FIELDS)[T][number]>
    : A
  : never;

/** The service fields a client sent in an action (dotted paths), which the API refuses. */
export function serviceFieldsSent(action: { readonly type: string } & Record<string, unknown>): string[] {
  const own: readonly string[] = Object.hasOwn(SERVICE_FIELDS, action.type) ? SERVICE_FIELDS[action.type as keyof typeof SERVICE_FIELDS] : [];
  const sent = own.filter((f) => Object.hasOwn(action, f));
  if (action.type === 'transfer' && Array.isArray(action.parallelWith)) {
    action.parallelWith.forEach((p: unknown, i) => {
      for (const f of ['dueAt', 'handoffN'])
        if (p !== null && typeof p === 'object' && Object.hasOwn(p, f)) sent.push(`parallelWith.${i}.${f}`);
    });
  }
  return sent;
}
export type { ServiceField };

/** A row of the digital control slip (form 05 of Circular 01/2018). */
export type HandoffRow = {
  readonly n: number;
  readonly fromAgencyId: string;
  readonly toAgencyId: string;
  readonly task: string;
  readonly handedOverAt: Date;
  readonly handedOverBy: string;
  readonly dueAt: Date | null;
  /** A paper dossier's latest hand-over time, and whether it was met (first transfer from the desk). */
  readonly handOverBy?: Date;
  readonly handOverResult?: Timeliness;
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
  // The desk the applicant deals with may have changed: they are told where their dossier now is.
  'succeedAgency',
]);

/** Whether deciding this action on this dossier sets a due date, so the shell must supply `legalTime`. */
export function needsLegalTime(dossier: Pick<Dossier, 'status' | 'supplement' | 'ruleSet' | 'channel'>, type: ActionRequest['type']): boolean {
  if (type === 'receive') return dossier.status === 'registered';
  if (type === 'submit') return behaviourOf(dossier.ruleSet).onlineIntake !== null;
  if (type === 'transfer') return true;
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
    case 'transfer':
      return planTransfer(dossier, request, now, facts);
    case 'submitSupplement': {
      const components =
        request.additions && request.additions.length > 0
          ? { components: mergeSupplementAnswer(dossier.components, dossier.supplement?.items ?? [], request.additions, now) }
          : {};
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

/**
 * A transfer with its deadlines computed, not typed (Decree 118 Art. 18, 20): the step of the procedure's
 * process names the agency, its task and its time budget; the budget counts from the hand-over in that
 * agency's hours. Without a step, the next step of the route performed by the named agency is used.
 * A paper dossier leaving the receiving desk for the first time must arrive the same working day (the
 * next morning when received after 15:00), or within 1 working day across levels.
 */
export function planTransfer(dossier: Dossier, request: Extract<ActionRequest, { type: 'transfer' }>, now: Date, facts: DecisionFacts): DossierActionInput {
  const steps = facts.legalTime?.steps ?? [];
  const hoursOf = (agencyId: string) => facts.agencies?.get(agencyId)?.workingHours ?? facts.legalTime?.workingHours;
  const targetOf = (step: ProcessStep | undefined): string | undefined => {
    const p = step?.performer;
    if (!p) return undefined;
    if (p.kind === 'agency') return p.agencyId;
    if (p.kind === 'receiving') return dossier.receivingAgencyId;
    if (p.kind === 'competent') return dossier.competentAgencyId;
    return undefined; // a body outside the platform: consulted, not transferred to
  };
  const currentIndex = steps.findIndex((s) => s.id === dossier.currentStep?.stepId);
  const stepFor = (stepId: string | undefined, agencyId: string | undefined): ProcessStep | undefined =>
    stepId !== undefined
      ? steps.find((s) => s.id === stepId)
      : agencyId !== undefined
        ? steps.find((s, i) => i > currentIndex && targetOf(s) === agencyId)
        : undefined;
  const plan = (stepId: string | undefined, agencyId: string | undefined, task: string | undefined) => {
    const step = stepFor(stepId, agencyId);
    const to = agencyId ?? (stepId !== undefined ? targetOf(step) : undefined);
    const hours = to ? hoursOf(to) : undefined;
    const dueAt = step && to ? computeDeadline({ start: now, duration: step.budget, calendar: facts.calendar, ...(hours ? { workingHours: hours } : {}) }).dueAt : undefined;
    return { to, stepId: step?.id ?? stepId, task: task ?? step?.description.vi, dueAt };
  };
  const lead = plan(request.stepId, request.toAgencyId, request.task);
  const parallelWith = (request.parallelWith ?? []).map((p, i) => {
    const planned = plan(p.stepId, p.agencyId, p.task);
    return defined({ agencyId: planned.to, stepId: planned.stepId, task: planned.task, dueAt: planned.dueAt, handoffN: facts.handoffCount + 2 + i });
  });
  const handOverBy = lead.to ? paperHandOverBy(dossier, lead.to, facts) : undefined;
  return defined({
    type: 'transfer' as const,
    toAgencyId: lead.to,
    stepId: lead.stepId,
    task: lead.task,
    dueAt: lead.dueAt,
    handOverBy,
    ...(parallelWith.length > 0 ? { parallelWith } : {}),
  });
}

/** When a paper dossier received at the desk must reach the first handling agency (Art. 18). */
function paperHandOverBy(dossier: Dossier, to: string, facts: DecisionFacts): Date | undefined {
  const firstFromDesk = facts.handoffCount === 0 && (dossier.currentStep?.agencyId ?? dossier.receivingAgencyId) === dossier.receivingAgencyId;
  if (!firstFromDesk || dossier.channel === 'online' || dossier.receivedAt === undefined) return undefined;
  const hours = facts.agencies?.get(dossier.receivingAgencyId)?.workingHours ?? facts.legalTime?.workingHours;
  const fromLevel = facts.agencies?.get(dossier.receivingAgencyId)?.level;
  const toLevel = facts.agencies?.get(to)?.level;
  if (fromLevel !== undefined && toLevel !== undefined && fromLevel !== toLevel) {
    return computeDeadline({ start: dossier.receivedAt, duration: { value: 1, unit: 'workingDays' }, calendar: facts.calendar, ...(hours ? { workingHours: hours } : {}) }).dueAt;
  }
  return latestTransferTime({ receivedAt: dossier.receivedAt, calendar: facts.calendar, ...(hours ? { workingHours: hours } : {}) }).latestAt;
}

/** Drops undefined members, so a planned field that does not apply is absent rather than undefined. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
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
  const from = before.currentStep?.agencyId ?? before.receivingAgencyId;
  const open = (toAgencyId: string, task: string | undefined, dueAt: Date | undefined, handOverBy?: Date): HandoffEffect => ({
    kind: 'open',
    row: {
      n: ++count,
      fromAgencyId: from,
      toAgencyId,
      task: task ?? '',
      handedOverAt: event.at,
      handedOverBy: event.actor.userId,
      dueAt: dueAt ?? null,
      ...(handOverBy ? { handOverBy, handOverResult: classifyTimeliness(handOverBy, event.at) } : {}),
      acknowledgedAt: null,
      acknowledgedBy: null,
      completedAt: null,
      result: null,
    },
  });
  if (p.type === 'transfer' && p.toAgencyId !== undefined) {
    closeOpen();
    handoffs.push(open(p.toAgencyId, p.task, p.dueAt, p.handOverBy));
    // Parallel agencies get their own rows, numbered as planned (their opinion requests carry the number).
    for (const task of p.parallelWith ?? []) if (task.agencyId) handoffs.push(open(task.agencyId, task.task, task.dueAt));
  } else if (p.type === 'acknowledgeTransfer' && count > 0) {
    handoffs.push({ kind: 'acknowledge', n: count, at: event.at, by: event.actor.userId });
  } else if (p.type === 'resolve') {
    closeOpen();
  } else if (p.type === 'provideOpinion') {
    // An agency working in parallel finishes its part: its row closes against its own sub-deadline.
    const task = before.opinions.find((o) => o.agencyId === event.actor.agencyId && o.answeredAt === undefined && o.handoffN !== undefined);
    if (task?.handoffN !== undefined) handoffs.push({ kind: 'close', n: task.handoffN, completedAt: event.at, result: classifyTimeliness(task.dueAt, event.at) });
  }
  return {
    slip: slipIssuedBy(before.ruleSet, event.type),
    notifyApplicant: APPLICANT_IS_TOLD.has(event.type),
    alertReception: event.type === 'submit' && after.intake !== undefined,
    handoffs,
    handoffCount: count,
  };
}

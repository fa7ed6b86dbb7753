// applyAction: the pure core of the lifecycle. Given a dossier and an action it returns the next dossier
// and the event to append, or a TransitionConflict. It never mutates its input and never reads a clock.
import type { Dossier, OpinionRequest } from '../dossier/dossier.js';
import { DEFAULT_STOP_POLICY } from '../procedure/procedure.js';
import { eventPayloadOf, type DossierEvent } from './event.js';
import { DomainError } from '../shared/domain-error.js';
import { toFieldErrors } from '../shared/field-errors.js';
import { DossierAction, type DossierActionInput } from './actions.js';
import type { Actor } from './actor.js';
import { TransitionConflict, type ConflictReason, type RuleCode } from './conflict.js';
import {
  allowedActions,
  checkPayloadRules,
  checkStateRules,
  isInScope,
  supplementPhaseOf,
  type ActionContext,
} from './rules.js';
import type { DossierStatus } from '../dossier/status.js';
import { findTransition, type NextStatus } from './table.js';

export type TransitionResult =
  | { readonly ok: true; readonly dossier: Dossier; readonly event: DossierEvent }
  | { readonly ok: false; readonly error: TransitionConflict };

export function applyAction(
  dossier: Dossier,
  action: DossierAction | DossierActionInput,
  actor: Actor,
  now: Date,
  context: ActionContext = {},
): TransitionResult {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new DomainError('invalid-now', {
      vi: 'Thời điểm thực hiện không hợp lệ',
      en: 'Invalid action time',
    });
  }
  const refuse = (
    reason: ConflictReason,
    extra: { rule?: RuleCode; fieldErrors?: TransitionConflict['fieldErrors'] } = {},
  ): TransitionResult => ({
    ok: false,
    error: new TransitionConflict({
      status: dossier.status,
      action: String(action.type),
      reason,
      allowedActions: allowedActions(dossier, actor, now, context),
      ...extra,
    }),
  });

  const transition = findTransition(dossier.status, action.type);
  if (transition === undefined) return refuse('notInStatus');
  if (!transition.roles.includes(actor.role)) return refuse('roleNotAllowed');
  if (!isInScope(dossier, actor, transition.scope))
    return refuse('outOfScope', actor.role === 'citizen' ? { rule: 'notOwner' } : {});

  const parsed = DossierAction.safeParse(action);
  if (!parsed.success) return refuse('invalidPayload', { fieldErrors: toFieldErrors(parsed.error) });
  const payload = parsed.data;

  const rule =
    checkStateRules(payload.type, dossier, actor, now, context) ??
    checkPayloadRules(payload, dossier, actor, now);
  if (rule !== undefined) return refuse('ruleViolated', { rule });

  const next = nextStatusOf(dossier, transition.next);
  const nextDossier = reduce(dossier, payload, actor, now, next);
  const event: DossierEvent = {
    dossierId: dossier.id,
    version: nextDossier.version,
    type: payload.type,
    actor,
    at: now,
    from: dossier.status,
    to: next,
    // Personal data (a supplement's file names) is referenced, not copied into the log.
    payload: eventPayloadOf(payload),
  };
  return { ok: true, dossier: nextDossier, event };
}

function nextStatusOf(dossier: Dossier, next: NextStatus): DossierStatus {
  switch (next) {
    case 'resume':
      return dossier.supplement?.requestedInStatus ?? 'processing';
    case 'closeOut':
      return dossier.supplement?.requestedInStatus === 'registered' ? 'refused' : 'stopped';
    case 'same':
      return dossier.status;
    default:
      return next;
  }
}

/** Drops undefined members so stored documents never carry explicit undefined values. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function withAgency(ids: readonly string[], id: string): string[] {
  // (also used as a reducer over several agencies)
  return ids.includes(id) ? [...ids] : [...ids, id];
}

function reduce(d: Dossier, a: DossierAction, actor: Actor, now: Date, status: DossierStatus): Dossier {
  const base: Dossier = { ...d, status, version: d.version + 1, updatedAt: now };
  switch (a.type) {
    case 'submit':
      return defined({ ...base, code: a.code, channel: 'online' as const, submittedAt: now, intake: a.intake });
    case 'intake':
      return { ...base, code: a.code, channel: a.channel, submittedAt: now };
    case 'receive':
      return defined({
        ...base,
        registerEntry: a.registerEntry,
        receivedAt: now,
        dueAt: a.due.at,
        dueExplanation: a.due.explanation,
        originalDueAt: a.due.at,
        // The desk holds the dossier first; receiving it is its own acknowledgement.
        currentStep: {
          agencyId: d.receivingAgencyId,
          since: now,
          acknowledgedAt: now,
          acknowledgedBy: actor.userId,
        },
      });
    case 'refuseAtReception':
    case 'stop':
      return { ...base, closedAt: now, closingReason: a.reason };
    case 'withdraw':
      return defined({ ...base, closedAt: now, closingReason: a.reason });
    case 'requestSupplement': {
      const phase = supplementPhaseOf(d);
      return {
        ...base,
        supplementCount: { ...d.supplementCount, [phase]: d.supplementCount[phase] + 1 },
        supplement: defined({
          requestedAt: now,
          requestedBy: actor.userId,
          requestedInStatus: d.status === 'registered' ? ('registered' as const) : ('processing' as const),
          items: a.items.map((item) => defined({ ...item })),
          reason: a.reason,
          guidance: a.guidance,
          overrideReason: a.overrideReason,
          expiresAt: a.expiresAt,
        }),
      };
    }
    case 'submitSupplement': {
      const next: Dossier = { ...base, ...(a.components === undefined ? {} : { components: a.components }) };
      if (d.supplement !== undefined) next.supplement = { ...d.supplement, submittedAt: now };
      if (a.due !== undefined && status === 'processing') {
        next.dueAt = a.due.at;
        next.dueExplanation = a.due.explanation;
        // Restarting the clock sets a new legal appointment; after an extension the original stays on record.
        if (d.extensionCount === 0) next.originalDueAt = a.due.at;
      }
      return next;
    }
    case 'assign':
      return { ...base, handlerId: a.handlerId };
    case 'transfer': {
      // The next agency assigns its own handler once it has acknowledged the dossier.
      const { handlerId: _previousHandler, ...rest } = base;
      const to = a.toAgencyId!; // the payload rules refuse a transfer without a target
      const parallel = (a.parallelWith ?? []).flatMap((p) =>
        p.agencyId && p.dueAt
          ? [defined({ agencyId: p.agencyId, question: p.task ?? '', requestedAt: now, requestedBy: actor.userId, dueAt: p.dueAt, handoffN: p.handoffN })]
          : [],
      );
      return {
        ...rest,
        agencyIds: [to, ...parallel.map((p) => p.agencyId)].reduce(withAgency, d.agencyIds),
        opinions: [...d.opinions, ...parallel],
        currentStep: defined({
          agencyId: to,
          stepId: a.stepId,
          task: a.task,
          since: now,
          dueAt: a.dueAt,
          handOverBy: a.handOverBy,
        }),
      };
    }
    case 'acknowledgeTransfer':
      return {
        ...base,
        currentStep: d.currentStep && { ...d.currentStep, acknowledgedAt: now, acknowledgedBy: actor.userId },
      };
    case 'requestOpinion': {
      const opinion: OpinionRequest = {
        agencyId: a.agencyId,
        question: a.question,
        requestedAt: now,
        requestedBy: actor.userId,
        dueAt: a.dueAt,
      };
      return { ...base, agencyIds: withAgency(d.agencyIds, a.agencyId), opinions: [...d.opinions, opinion] };
    }
    case 'provideOpinion':
      return {
        ...base,
        opinions: d.opinions.map((o) =>
          o.agencyId === actor.agencyId && o.answeredAt === undefined
            ? { ...o, answeredAt: now, answer: a.answer }
            : o,
        ),
      };
    case 'requestPayment':
      return { ...base, payment: { amountVnd: a.amountVnd, description: a.description, requestedAt: now } };
    case 'confirmPayment': {
      const next: Dossier = { ...base };
      // The system confirms only on a gateway's or bank's signed notice: that payment was made online.
      if (d.payment !== undefined)
        next.payment = defined({ ...d.payment, paidAt: now, reference: a.reference, paidOnline: actor.role === 'system' ? true : undefined });
      if (a.due !== undefined) {
        next.dueAt = a.due.at;
        next.dueExplanation = a.due.explanation;
      }
      return next;
    }
    case 'resolve':
      return {
        ...base,
        resolution: defined({
          outcome: a.outcome,
          at: now,
          by: actor.userId,
          agencyId: actor.agencyId,
          reason: a.reason,
          summary: a.summary,
        }),
      };
    case 'extend':
      return {
        ...base,
        dueAt: a.newDueAt,
        dueExplanation: a.explanation ?? {
          vi: `Hẹn lại ngày trả kết quả theo phiếu xin lỗi. Lý do: ${a.reason}`,
          en: `New appointment set by an apology letter. Reason (in Vietnamese): ${a.reason}`,
        },
        originalDueAt: d.originalDueAt ?? d.dueAt,
        extensionCount: d.extensionCount + 1,
        extension: {
          at: now,
          by: actor.userId,
          previousDueAt: d.dueAt ?? a.newDueAt,
          newDueAt: a.newDueAt,
          reason: a.reason,
          apology: a.apology,
        },
      };
    case 'returnResult':
      // The result is handed over at the receiving desk: that is where the dossier now is (the page and
      // the lookup say so, not the agency that last worked on it).
      return {
        ...base,
        resultReturnedAt: now,
        closedAt: now,
        ...(d.currentStep === undefined ? {} : { currentStep: { agencyId: d.receivingAgencyId, since: now, acknowledgedAt: now, acknowledgedBy: actor.userId } }),
      };
    case 'requestStop':
      return {
        ...base,
        stopRequest: {
          requestedAt: now,
          requestedBy: actor.userId,
          via: actor.role === 'citizen' ? 'online' : 'desk',
          reason: a.reason,
        },
      };
    case 'confirmStop': {
      // Dossiers pinned before procedures carried a stop policy take the default one.
      const policy = d.procedure.stopPolicy ?? DEFAULT_STOP_POLICY;
      const request = d.stopRequest!; // the state rules refuse confirmStop without a pending request
      return {
        ...base,
        closedAt: now,
        closingReason: request.reason,
        stopRequest: defined({
          ...request,
          confirmedAt: now,
          confirmedBy: actor.userId,
          papersReturned: a.papersReturned ?? policy.papersReturned,
          feesRefunded: a.feesRefunded ?? policy.feesRefunded,
        }),
      };
    }
    case 'closeUnsupplemented':
      return {
        ...base,
        closedAt: now,
        closingReason: 'Không bổ sung hồ sơ trong thời hạn / supplement not received in time',
      };
    case 'succeedAgency': {
      // The successor takes over every part the merged agency had; the merged one stays in `agencyIds`
      // (history, statistics) and the successor joins it, so its officers see the dossier.
      const swap = (id: string): string => (id === a.fromAgencyId ? a.toAgencyId : id);
      return defined({
        ...base,
        receivingAgencyId: swap(d.receivingAgencyId),
        competentAgencyId: d.competentAgencyId === undefined ? undefined : swap(d.competentAgencyId),
        agencyIds: withAgency(d.agencyIds, a.toAgencyId),
        currentStep: d.currentStep && { ...d.currentStep, agencyId: swap(d.currentStep.agencyId) },
        opinions: d.opinions.map((o) => (o.answeredAt === undefined ? { ...o, agencyId: swap(o.agencyId) } : o)),
      });
    }
  }
}

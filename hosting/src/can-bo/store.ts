// Every Firestore read and listener of the officer dashboard but the work queue's (queue-query.ts), each
// the query the rules allow an officer: statistics of the agency, the officer's own tasks, one dossier's
// events and hand-offs, and the reference data that puts names on a dossier. Loaded with the first view after sign-in, never with the sign-in form.
import { collection, doc, getDoc, getDocs, onSnapshot, orderBy, query, where, type DocumentData, type Firestore, type Unsubscribe } from 'firebase/firestore';
import type { Bilingual } from '../shared/api.js';
import { firestore } from '../shared/firestore.js';
import { receivesAnywhere } from '../shared/reception.js';
import { toDate } from '../shared/timestamps.js';
import type { AgencyOption, StepRef } from './action-form-parts.js';
import { agencyNames } from './agency-names.js';
import type { DossierAnswer } from './api.js';

// The work queue's reads are in queue-query.ts (free of DOM code, so the bench and tests run them too).

// ---- tasks and statistics -------------------------------------------------------------------------
export type Task = { id: string; kind: string; level: number | null; dossierId: string; agencyId: string; dueAt?: Date; overdueWorkingDays?: number; state: string; createdAt?: Date };

/** The officer's tasks from the deadline sweep, soonest due first. */
export function watchTasks(db: Firestore, uid: string, onTasks: (tasks: Task[]) => void, onError: () => void): Unsubscribe {
  return onSnapshot(
    query(collection(db, 'tasks'), where('assigneeUids', 'array-contains', uid)),
    (snap) =>
      onTasks(
        snap.docs
          .map((d) => ({ id: d.id, kind: String(d.get('kind')), level: (d.get('level') as number | null) ?? null, dossierId: String(d.get('dossierId')), agencyId: String(d.get('agencyId') ?? ''), dueAt: toDate(d.get('dueAt')), overdueWorkingDays: d.get('overdueWorkingDays') as number | undefined, state: String(d.get('state') ?? 'open'), createdAt: toDate(d.get('createdAt')) }))
          .sort((a, b) => (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0)),
      ),
    onError,
  );
}

/** A dossier's code (the dossier is in the officer's scope); undefined when it cannot be read. */
export async function readDossierCode(db: Firestore, id: string): Promise<string | undefined> {
  const d = await getDoc(doc(db, 'dossiers', id)).catch(() => undefined);
  const code = d?.get('code');
  return typeof code === 'string' ? code : undefined;
}

export type StatsDoc = { month: string; received: number; resolvedEarly: number; resolvedOnTime: number; resolvedLate: number; inProgress: number };

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The agency's `stats` documents (query `agencyId == own`, the only one the rules allow an officer). */
export async function readStats(agencyId: string): Promise<StatsDoc[]> {
  const db = await firestore();
  const snap = await getDocs(query(collection(db, 'stats'), where('agencyId', '==', agencyId)));
  return snap.docs.map((d) => ({
    month: String(d.get('month')),
    received: num(d.get('received')),
    resolvedEarly: num(d.get('resolvedEarly')),
    resolvedOnTime: num(d.get('resolvedOnTime')),
    resolvedLate: num(d.get('resolvedLate')),
    inProgress: num(d.get('inProgress')),
  }));
}

// ---- desk intake ----------------------------------------------------------------------------------
export type ProcedureComponent = { id: string; name: Bilingual; originals: number; certifiedCopies: number; copies: number; mandatory: boolean };
export type ProcedureDoc = {
  code: string;
  name: Bilingual;
  components: ProcedureComponent[];
  ruleSet?: string;
  competentLevels: string[];
  competentAgencyId?: string;
  receptionExceptions?: string[];
};
/** The procedures a desk receives, and the level of its agency. */
export type DeskProcedures = { level: string | undefined; procedures: ProcedureDoc[] };

/**
 * The procedures the desk receives, by name: those handled at its agency's level and, under Decree 118
 * Art. 14, any procedure of the province not bound to the competent agency's own desk
 * (`procedures/{code}` holds the version in force; the catalogue has a few dozen).
 */
export async function readDeskProcedures(agencyId: string): Promise<DeskProcedures> {
  const db = await firestore();
  const [agency, snap] = await Promise.all([getDoc(doc(db, 'agencies', agencyId)), getDocs(collection(db, 'procedures'))]);
  const level = agency.get('level') as string | undefined;
  const procedures = snap.docs
    .map((d) => d.data() as ProcedureDoc)
    .filter((p) => level === undefined || (p.competentLevels ?? []).includes(level) || receivesAnywhere(p))
    .sort((a, b) => a.name.vi.localeCompare(b.name.vi, 'vi'));
  return { level, procedures };
}

// ---- one dossier ----------------------------------------------------------------------------------
/** The dossier's events in version order; read errors leave the timeline as it was. */
export function watchEvents(db: Firestore, dossierId: string, onEvents: (events: DocumentData[]) => void): Unsubscribe {
  return onSnapshot(
    query(collection(db, `dossiers/${dossierId}/events`), orderBy('version')),
    (snap) => onEvents(snap.docs.map((x) => x.data())),
    () => undefined,
  );
}

/** The hand-offs between agencies (the control slip), read once. */
export async function readHandoffs(dossierId: string): Promise<DocumentData[]> {
  const db = await firestore();
  const snap = await getDocs(collection(db, `dossiers/${dossierId}/handoffs`));
  return snap.docs.map((x) => x.data());
}

type AgencyRecord = AgencyOption & { active: boolean };
let agencyCache: Promise<AgencyRecord[]> | undefined;
function allAgencies(): Promise<AgencyRecord[]> {
  const today = new Date().toISOString().slice(0, 10);
  agencyCache ??= firestore()
    .then((db) => getDocs(collection(db, 'agencies')))
    .then((snap) =>
      snap.docs.map((d) => ({
        id: d.id,
        name: (d.get('name') as Bilingual | undefined) ?? { vi: d.id, en: d.id },
        active: !d.get('effectiveTo') || String(d.get('effectiveTo')) >= today,
      })),
    )
    .catch((err: unknown) => {
      agencyCache = undefined;
      throw err;
    });
  return agencyCache;
}

/** Agencies in operation: the targets a transfer or opinion request may name. */
export const loadAgencies = async (): Promise<AgencyOption[]> => (await allAgencies()).filter((a) => a.active);

export type Reference = {
  componentNames: Map<string, Bilingual>;
  /** The process of the pinned procedure version: a transfer names one of its steps. */
  steps: StepRef[];
  /** The agencies on the procedure's route: suggested targets for a transfer. */
  suggestedAgencies: string[];
  /** Whether the officer follows the dossier; undefined when their user document could not be read. */
  followed: boolean | undefined;
};

/**
 * Everything the first render needs is read together, so nothing shifts under the officer's pointer
 * afterwards: component names and the procedure's route (suggested transfer targets), agency names,
 * and whether the officer follows the dossier. Each is optional: the page works without it.
 */
export async function readReference(db: Firestore, answer: Promise<DossierAnswer | undefined>, uid: string, dossierId: string): Promise<Reference> {
  const [procedure, agencies, me] = await Promise.all([
    answer.then((a) => (a ? getDoc(doc(db, `procedures/${a.dossier.procedure.code}/versions/${a.dossier.procedure.version}`)) : undefined)).catch(() => undefined),
    agencyNames.size > 0 ? Promise.resolve(undefined) : allAgencies().catch(() => undefined),
    getDoc(doc(db, 'users', uid)).catch(() => undefined),
  ]);
  for (const a of agencies ?? []) agencyNames.set(a.id, a.name);
  const components = (procedure?.get('components') as { id: string; name: Bilingual }[] | undefined) ?? [];
  const steps = ((procedure?.get('steps') as StepRef[] | undefined) ?? []).filter((s) => typeof s?.id === 'string' && s.performer && s.budget);
  return {
    componentNames: new Map(components.map((c) => [c.id, c.name])),
    steps,
    suggestedAgencies: steps.map((s) => s.performer?.agencyId).filter((x): x is string => typeof x === 'string'),
    followed: me ? ((me.get('followedDossierIds') as string[] | undefined) ?? []).includes(dossierId) : undefined,
  };
}

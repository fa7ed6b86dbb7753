// What the dossier page reads, apart from the live events: the API answer (the dossier, its personal
// part, the actions this officer may take now, its slips) and the Firestore reference data that puts
// names on it (agencies, the procedure's components and route, whether the officer follows it).
// Agency names are cached for the page's life: every dossier view names the same agencies.
import type { User } from 'firebase/auth';
import { collection, doc, getDoc, getDocs, type Firestore, type Timestamp } from 'firebase/firestore';
import type { Bilingual } from '../shared/api.js';
import { formatDateTime } from '../shared/format.js';
import { firestore } from '../shared/firestore.js';
import { t } from '../shared/i18n.js';
import { callApiAs } from '../shared/session.js';
import type { AgencyOption } from './action-forms.js';
import { tx } from './labels.js';

export type Attachment = { id: string; fileName: string; contentType: string; size: number };
export type Component = { componentId: string; originals: number; certifiedCopies: number; copies: number; attachments: Attachment[] };
export type Slip = { id: string; form: string; version: number; createdAt?: string };
export type DossierAnswer = {
  dossier: {
    id: string;
    code?: string;
    version: number;
    status: string;
    channel: string;
    resultDelivery: string;
    procedure: { code: string; version: number; name: Bilingual };
    receivingAgencyId: string;
    currentStep?: { agencyId: string; dueAt?: string; acknowledgedAt?: string; task?: string };
    applicant?: Record<string, unknown>;
    components?: Component[];
    createdAt: string;
    receivedAt?: string;
    dueAt?: string;
    dueExplanation?: Bilingual;
    originalDueAt?: string;
    extension?: { reason?: string };
    resolution?: { outcome: string; summary?: string; reason?: string };
  };
  allowedActions: string[];
  slips?: Slip[];
};

export const fetchDossier = (user: User, id: string): Promise<DossierAnswer> => callApiAs<DossierAnswer>(user, `/dossiers/${encodeURIComponent(id)}`);

export const toDate = (v: unknown): Date | undefined => (v && typeof (v as Timestamp).toDate === 'function' ? (v as Timestamp).toDate() : undefined);

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
const agencyNames = new Map<string, Bilingual>();
/** "Văn phòng Đăng ký đất đai (000.00.14.H99)" once the names are loaded; the id alone before. */
export const holderText = (step: { agencyId: string; dueAt?: string }): string =>
  `${agencyLabel(step.agencyId)}${step.dueAt ? ` · ${tx('hạn bước', 'step due')} ${formatDateTime(step.dueAt)}` : ''}`;
export const agencyLabel = (id: string): string => (agencyNames.has(id) ? `${t(agencyNames.get(id)!)} (${id})` : id);

export type Reference = {
  componentNames: Map<string, Bilingual>;
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
  const steps = (procedure?.get('steps') as { performer?: { kind?: string; agencyId?: string } }[] | undefined) ?? [];
  return {
    componentNames: new Map(components.map((c) => [c.id, c.name])),
    suggestedAgencies: steps.map((s) => s.performer?.agencyId).filter((x): x is string => typeof x === 'string'),
    followed: me ? ((me.get('followedDossierIds') as string[] | undefined) ?? []).includes(dossierId) : undefined,
  };
}

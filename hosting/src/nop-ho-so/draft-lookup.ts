// Finding the citizen's saved draft when the wizard opens, without the Firestore SDK. The SDK is ≈ 134 KB
// gzip — far more than the whole wizard — and a cheap phone on slow 3G waited for it before the first
// question (issue 20, bench/citizen-page.ts). One query through Firestore's REST API (`runQuery`, as the
// signed-in citizen: firestore.rules decide exactly as for the SDK) answers the only question asked at
// start-up; saving and deleting the draft load the SDK (draft-store.ts) on their first use.
import type { Citizen } from '../shared/stored-session.js';
import { citizenFirebase } from '../shared/citizen-firebase.js';
import { FIRESTORE_EMULATOR_PORT, usesEmulators } from '../shared/firebase-config.js';
import type { DraftContent, StoredDraft } from './draft-store.js';

export { DraftSlotsFull, MAX_DRAFTS } from './draft-slots.js';

/** A Firestore REST value (https://firebase.google.com/docs/firestore/reference/rest/v1/Value) as plain data. */
type RestValue = {
  nullValue?: null;
  booleanValue?: boolean;
  integerValue?: string;
  doubleValue?: number;
  stringValue?: string;
  timestampValue?: string;
  mapValue?: { fields?: Record<string, RestValue> };
  arrayValue?: { values?: RestValue[] };
};

function plain(v: RestValue): unknown {
  if (v.mapValue) return fieldsOf(v.mapValue.fields);
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(plain);
  if (v.integerValue !== undefined) return Number(v.integerValue);
  if (v.timestampValue !== undefined) return new Date(v.timestampValue);
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.booleanValue !== undefined) return v.booleanValue;
  if (v.doubleValue !== undefined) return v.doubleValue;
  return null;
}

function fieldsOf(fields: Record<string, RestValue> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k, plain(v)]));
}

const equal = (fieldPath: string, stringValue: string) => ({ fieldFilter: { field: { fieldPath }, op: 'EQUAL', value: { stringValue } } });

/** The citizen's draft of this procedure, if any (the same query as the rules allow: own drafts only). */
export async function findDraft(user: Citizen, procedureCode: string): Promise<StoredDraft | undefined> {
  const [{ app }, token] = await Promise.all([citizenFirebase(), user.getIdToken()]);
  const origin = usesEmulators ? `http://${location.hostname}:${FIRESTORE_EMULATOR_PORT}` : 'https://firestore.googleapis.com';
  const res = await fetch(`${origin}/v1/projects/${encodeURIComponent(app.options.projectId ?? '')}/databases/(default)/documents:runQuery`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      structuredQuery: {
        from: [{ collectionId: 'drafts' }],
        where: { compositeFilter: { op: 'AND', filters: [equal('ownerUserId', user.uid), equal('procedureCode', procedureCode)] } },
        limit: 1,
      },
    }),
  });
  if (!res.ok) throw new Error(`draft lookup answered ${res.status}`);
  const rows = (await res.json()) as { document?: { name: string; fields?: Record<string, RestValue> } }[];
  const found = rows.find((r) => r.document)?.document;
  if (!found) return undefined;
  const data = fieldsOf(found.fields) as DraftContent & { updatedAt?: Date };
  return {
    id: found.name.slice(found.name.lastIndexOf('/') + 1),
    receivingAgencyId: data.receivingAgencyId,
    competentAgencyId: data.competentAgencyId,
    applicant: data.applicant,
    filer: data.filer,
    components: data.components,
    resultDelivery: data.resultDelivery,
    updatedAt: data.updatedAt instanceof Date ? data.updatedAt : null,
  };
}

/** Saving and deleting need the Firestore SDK: loaded on the first use, never before the wizard shows. */
const store = () => import('./draft-store.js');

export async function saveDraft(uid: string, procedureCode: string, draftId: string | undefined, content: DraftContent): Promise<string> {
  return (await store()).saveDraft(uid, procedureCode, draftId, content);
}

export async function deleteDraft(draftId: string): Promise<void> {
  return (await store()).deleteDraft(draftId);
}

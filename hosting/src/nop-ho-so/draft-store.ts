// The application's draft in Firestore `drafts/{draftId}` (the one collection citizens write; its shape is
// checked by firestore.rules): created on the first step change, updated on every one after, deleted once
// the dossier is submitted. A citizen has ten draft slots, `drafts/{uid}_0` … `{uid}_9` (the rules allow
// no other id, which bounds what one account can store); a new draft takes the first free one.
// Loaded with import() on the first save (draft-lookup.ts finds a draft at start-up without the SDK).
import { collection, deleteDoc, deleteField, doc, getDocs, query, serverTimestamp, setDoc, updateDoc, where } from 'firebase/firestore';
import { firestore } from '../shared/citizen-firestore.js';
import { DraftSlotsFull, MAX_DRAFTS } from './draft-slots.js';

export type UploadedFile = { uploadId: string; fileName: string; size: number; contentType: string };
export type ComponentDraft = { componentId: string; originals: number; certifiedCopies: number; copies: number; uploads: UploadedFile[] };
export type PersonDraft = {
  kind: 'person';
  fullName?: string;
  identity?: { kind: 'citizenId'; number?: string };
  phone?: string;
  email?: string;
  address?: { line?: string; communeName?: string; provinceName?: string };
};
export type OrganisationDraft = {
  kind: 'organisation';
  name?: string;
  taxCode?: string;
  representative?: { fullName?: string; title?: string; identity?: { kind: 'citizenId'; number?: string } };
  phone?: string;
  email?: string;
  address?: { line?: string; communeName?: string; provinceName?: string };
};
/** Filing on someone's behalf: who files, and the authorisation uploaded (representation.ts). */
export type FilerDraft = {
  fullName?: string;
  identity?: { kind: 'citizenId'; number?: string };
  phone?: string;
  relation?: 'authorised' | 'employee' | 'family';
  authorisation?: UploadedFile[];
};
export type DraftContent = {
  receivingAgencyId?: string;
  /** Decree 118 Art. 14: the agency that decides, chosen when the receiving desk is not competent. */
  competentAgencyId?: string;
  applicant?: PersonDraft | OrganisationDraft;
  filer?: FilerDraft;
  components?: ComponentDraft[];
  resultDelivery?: 'desk' | 'post' | 'online';
};
export type StoredDraft = DraftContent & { id: string; updatedAt: Date | null };

/** Firestore refuses `undefined`; empty strings are left out too (the rules bound what is there). */
function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || v === '') continue;
      out[k] = clean(v);
    }
    return out as T;
  }
  return value;
}

/** Saves the draft; returns its id (a new one on the first save). */
export async function saveDraft(uid: string, procedureCode: string, draftId: string | undefined, content: DraftContent): Promise<string> {
  const db = await firestore();
  const body = clean({
    receivingAgencyId: content.receivingAgencyId,
    competentAgencyId: content.competentAgencyId,
    applicant: content.applicant,
    filer: content.filer,
    components: content.components,
    resultDelivery: content.resultDelivery,
  });
  if (draftId) {
    // A competent agency no longer needed (another desk was chosen) must not linger in the draft.
    const competent = content.competentAgencyId ? {} : { competentAgencyId: deleteField() };
    await updateDoc(doc(db, 'drafts', draftId), { ...body, ...competent, updatedAt: serverTimestamp() });
    return draftId;
  }
  const taken = new Set((await getDocs(query(collection(db, 'drafts'), where('ownerUserId', '==', uid)))).docs.map((d) => d.id));
  const free = Array.from({ length: MAX_DRAFTS }, (_, i) => `${uid}_${i}`).find((id) => !taken.has(id));
  if (!free) throw new DraftSlotsFull();
  await setDoc(doc(db, 'drafts', free), {
    ...body,
    ownerUserId: uid,
    procedureCode,
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
  });
  return free;
}

export async function deleteDraft(draftId: string): Promise<void> {
  const db = await firestore();
  await deleteDoc(doc(db, 'drafts', draftId));
}

// GET /api/me/export: everything the product holds about the signed-in person, as one JSON file (the right
// of access and portability, Law 91/2025). It holds their account, profile, consents and their log,
// notices acknowledged, dossiers they filed or that were filed for them (public part, personal part,
// events, slips listed, ratings), notifications addressed to them, drafts, uploads, their requests and the
// access log of their files. It holds nothing about anyone else: officers appear by role and agency only,
// never by account (every field naming a person other than the requester is replaced).
import type { Auth } from 'firebase-admin/auth';
import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { refuseKiosk, type Caller } from '../../platform/auth.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { dossierRef, personalRef } from '../../store/dossiers.js';
import { userRef, VNEID_IDENTITIES } from '../../store/identity.js';
import { ACCESS_LOGS, DATA_REQUESTS } from '../../store/privacy.js';
import { revive } from '../../store/revive.js';
import { UPLOADS } from '../../store/uploads.js';

export type ExportDeps = { db: Firestore; auth: Auth; now: () => Date; caller: (req: ApiRequest) => Promise<Caller> };

/** Fields that name the person who did something (an officer, a desk scanner, an assignee). */
const PERSON_FIELDS = new Set(['ownerUserId', 'principalUserId', 'by', 'requestedBy', 'handlerId', 'acknowledgedBy', 'handedOverBy', 'confirmedBy', 'uploadedBy', 'userId', 'actorUid', 'repliedBy', 'closedBy', 'assigneeUids']);
const OTHER = 'khác / someone else';

/** The value with every person other than `uid` replaced, and Firestore Timestamps as ISO strings. */
export function scrub(value: unknown, uid: string): unknown {
  const v = revive(value);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => scrub(x, uid));
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => {
        if (PERSON_FIELDS.has(k)) {
          if (Array.isArray(x)) return [k, x.map((p) => (p === uid ? p : OTHER))];
          return [k, x === uid || x === null || x === undefined ? x : OTHER];
        }
        return [k, scrub(x, uid)];
      }),
    );
  }
  return v;
}

const dataOf = (snap: DocumentSnapshot) => ({ id: snap.id, ...(snap.data() ?? {}) });

export async function exportMyData(req: ApiRequest, deps: ExportDeps): Promise<Reply<'exportMyData'>> {
  const caller = await deps.caller(req);
  refuseKiosk(caller);
  const { db } = deps;
  const uid = caller.userId;
  const [account, user, consents, consentLog, owned, onBehalf, notifications, drafts, uploads, requests, accesses, vneid] = await Promise.all([
    deps.auth.getUser(uid).catch(() => undefined),
    userRef(db, uid).get(),
    userRef(db, uid).collection('consents').get(),
    userRef(db, uid).collection('consentLog').get(),
    db.collection('dossiers').where('ownerUserId', '==', uid).get(),
    db.collection('dossiers').where('principalUserId', '==', uid).get(),
    db.collection('notifications').where('recipientUid', '==', uid).get(),
    db.collection('drafts').where('ownerUserId', '==', uid).get(),
    db.collection(UPLOADS).where('ownerUserId', '==', uid).get(),
    db.collection(DATA_REQUESTS).where('uid', '==', uid).get(),
    db.collection(ACCESS_LOGS).where('subjectUid', '==', uid).get(),
    db.collection(VNEID_IDENTITIES).where('uid', '==', uid).get(),
  ]);
  const dossierDocs = [...new Map([...owned.docs, ...onBehalf.docs].map((d) => [d.id, d])).values()];
  const dossiers = await Promise.all(
    dossierDocs.map(async (d) => {
      const [personal, events, slips, rating] = await Promise.all([
        personalRef(db, d.id).get(),
        dossierRef(db, d.id).collection('events').orderBy('version').get(),
        dossierRef(db, d.id).collection('slips').get(),
        db.collection('ratings').doc(d.id).get(),
      ]);
      return {
        dossier: dataOf(d),
        personal: personal.data() ?? null,
        events: events.docs.map((e) => e.data()),
        slips: slips.docs.map((s) => ({ id: s.id, form: s.get('form'), version: s.get('version'), createdAt: s.get('createdAt') })),
        rating: rating.exists ? rating.data() : null,
      };
    }),
  );
  const content = {
    exportedAt: deps.now().toISOString(),
    format: 'motcua-personal-data-export/1',
    account: account
      ? { uid, email: account.email ?? null, emailVerified: account.emailVerified, phoneNumber: account.phoneNumber ?? null, displayName: account.displayName ?? null, providers: account.providerData.map((p) => p.providerId), createdAt: account.metadata.creationTime, lastSignInAt: account.metadata.lastSignInTime }
      : { uid },
    user: user.data() ?? null,
    vneid: vneid.docs.map((d) => d.data()),
    consents: consents.docs.map(dataOf),
    consentLog: consentLog.docs.map(dataOf),
    dossiers,
    notifications: notifications.docs.map(dataOf),
    drafts: drafts.docs.map(dataOf),
    uploads: uploads.docs.map(dataOf),
    dataRequests: requests.docs.map(dataOf),
    accessLog: accesses.docs.map(dataOf),
  };
  const bytes = Buffer.from(JSON.stringify(scrub(content, uid), null, 2), 'utf8');
  const day = deps.now().toISOString().slice(0, 10);
  return {
    status: 200,
    body: null,
    raw: { bytes, contentType: 'application/json; charset=utf-8' },
    headers: { 'Content-Disposition': `attachment; filename="du-lieu-ca-nhan-${day}.json"`, 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' },
  };
}

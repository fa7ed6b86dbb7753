// The slip worker: consumes `slipRequests/{dossierId}_{version}` (written by the lifecycle in the
// action transaction), renders the form, stores the bytes and records the slip on the dossier.
import { createHash } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { FileStore } from '../../platform/file-store/index.js';
import type { FeeAccount } from '../../platform/vietqr.js';
import { dossierRef, slipRef } from '../../store/dossiers.js';
import { recordIssuedDocument } from '../../store/issued-documents.js';
import { SLIP_REQUESTS } from '../../store/outbox.js';
import { revive } from '../../store/revive.js';
import { renderSlip } from './render-slip.js';
import { FORM_NUMBERS } from './slip-data.js';
import { slipLogs } from './slip-logs.js';
import type { SlipSigner } from './slip-signer.js';
import { loadSlipData, type SlipRequest } from './slip-sources.js';

/** A worker that dies mid-render frees the request after this long; a re-delivery may then take it. */
export const LEASE_MS = 2 * 60_000;

export type GenerateSlipDeps = {
  db: Firestore;
  files: FileStore;
  now: () => Date;
  /** LOOKUP_TOKEN_SECRET and PUBLIC_ORIGIN, read per call (params are not available at module load). */
  secret: () => string;
  origin: () => string;
  signer: SlipSigner;
  /** The fee account (FEE_ACCOUNT_* parameters, read per call): the receipt's VietQR code pays into it. */
  feeAccount: () => FeeAccount | undefined;
};

export const StoredSlipRequest = z.object({
  dossierId: z.string().min(1),
  version: z.number().int().min(1),
  eventType: z.string(),
  at: z.date(),
  state: z.enum(['pending', 'rendering', 'done', 'failed']),
  form: z.enum(FORM_NUMBERS),
  leaseUntil: z.date().nullable().optional(),
});

/** `01-000002`: form and zero-padded dossier version, like the event ids. */
export const slipIdOf = (form: string, version: number) => `${form}-${String(version).padStart(6, '0')}`;
export const slipStoragePath = (dossierId: string, slipId: string) => `slips/${dossierId}/${slipId}.pdf`;

export type GenerateOutcome = 'generated' | 'duplicate' | 'busy' | 'failed';

/**
 * Renders the slip of one request.
 * @idempotent by request id (`{dossierId}_{version}`): a lease taken in a transaction lets one delivery
 * render; a final state (`done`, `failed`) returns at once, so a replayed or concurrent delivery writes
 * nothing. The slip document is created (never overwritten) in the transaction that marks the request
 * done. Never throws: a failure is recorded on the request with its message.
 */
export async function generateSlip(deps: GenerateSlipDeps, requestId: string): Promise<GenerateOutcome> {
  const { db } = deps;
  const ref = db.collection(SLIP_REQUESTS).doc(requestId);
  let request: SlipRequest;
  try {
    const taken = await db.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      if (!snap.exists) return { outcome: 'duplicate' as const, state: 'missing' };
      // Final states first, before any parsing: a replay must never turn a done request into a failure.
      const state: unknown = snap.get('state');
      if (state === 'done' || state === 'failed') return { outcome: 'duplicate' as const, state };
      const stored = StoredSlipRequest.parse(revive(snap.data()));
      const now = deps.now();
      if (stored.state === 'rendering' && stored.leaseUntil && stored.leaseUntil > now) return { outcome: 'busy' as const, state: stored.state };
      tx.update(ref, { state: 'rendering', leaseUntil: new Date(now.getTime() + LEASE_MS) });
      return { outcome: 'taken' as const, stored };
    });
    if (taken.outcome !== 'taken') {
      slipLogs.skipped(requestId, taken.state);
      return taken.outcome;
    }
    const s = taken.stored;
    request = { dossierId: s.dossierId, version: s.version, form: s.form, eventType: s.eventType, at: s.at };
  } catch (err) {
    return markFailed(deps, requestId, err);
  }

  try {
    const data = await loadSlipData(db, request, { origin: deps.origin(), secret: deps.secret(), feeAccount: deps.feeAccount() });
    const agencyId = String((await dossierRef(db, request.dossierId).get()).get('receivingAgencyId'));
    const signed = await deps.signer.sign(await renderSlip(data), {
      dossierId: request.dossierId,
      form: request.form,
      version: request.version,
      signedAt: request.at,
      agencyId,
    });
    const pdf = signed.bytes;
    const slipId = slipIdOf(request.form, request.version);
    const storagePath = slipStoragePath(request.dossierId, slipId);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    // Same path, same bytes on a retry after a crash: writing again is harmless.
    await deps.files.put(storagePath, pdf, 'application/pdf');
    const written = await db.runTransaction(async (tx) => {
      const sRef = slipRef(db, request.dossierId, slipId);
      const [reqSnap, slipSnap] = await tx.getAll(ref, sRef);
      if (reqSnap!.get('state') !== 'rendering') return false; // someone else finished it
      if (!slipSnap!.exists) {
        tx.create(sRef, {
          form: request.form,
          version: request.version,
          sha256,
          size: pdf.length,
          storagePath,
          createdAt: request.at,
          eventType: request.eventType,
          signer: signed.signer,
        });
        // The verification page finds the slip by its hash (kind, agency and time only).
        recordIssuedDocument(db, tx, sha256, {
          kind: 'slip',
          title: `${data.title} (mẫu ${request.form})`,
          issuedAt: request.at,
          agencyId,
          signed: signed.signer !== null,
          signerName: signed.signer?.name ?? null,
          dossierId: request.dossierId,
          ref: slipId,
        });
      }
      tx.update(ref, { state: 'done', slipId, sha256, doneAt: deps.now(), leaseUntil: null });
      return true;
    });
    if (!written) return 'duplicate';
    slipLogs.generated(requestId, slipId, pdf.length);
    return 'generated';
  } catch (err) {
    return markFailed(deps, requestId, err);
  }
}

async function markFailed(deps: GenerateSlipDeps, requestId: string, err: unknown): Promise<'failed'> {
  slipLogs.failed(requestId, err);
  const error = { name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) };
  await deps.db
    .collection(SLIP_REQUESTS)
    .doc(requestId)
    .set({ state: 'failed', error, failedAt: deps.now(), leaseUntil: null }, { merge: true })
    .catch((writeErr: unknown) => slipLogs.failed(requestId, writeErr));
  return 'failed';
}

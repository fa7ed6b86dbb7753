// The nightly retention job: erases what the retention schedule (domain/privacy/retention.ts) says has
// been kept long enough. Uploads never attached to a dossier lose their bytes first, then their record,
// so a record never points at missing bytes, and the owner's pending quota is freed.
import type { Firestore, Query } from 'firebase-admin/firestore';
import { z } from 'zod';
import { RETENTION_SCHEDULE, retentionCutoff, type RetentionRule } from '../../domain/index.js';
import type { FileStore } from '../../platform/file-store/index.js';

export type PurgeDeps = { db: Firestore; files: FileStore };
export type PurgeResult = { scheduleTime: string; erased: Record<string, number>; files: number };

const ScheduleTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'scheduleTime must be an ISO 8601 instant' });
const BATCH = 300;

function queryOf(db: Firestore, rule: RetentionRule, cutoff: Date): Query {
  const base = rule.collection.startsWith('group:') ? db.collectionGroup(rule.collection.slice(6)) : db.collection(rule.collection);
  const filtered = rule.where ? base.where(rule.where.field, '==', rule.where.equals) : base;
  return filtered.where(rule.field, '<', cutoff);
}

/**
 * One nightly pass at `scheduleTime`.
 * @idempotent by schedule time: it deletes records past their cutoff; deleting again what is already gone
 * is a no-op, so a replayed run erases nothing more than the first.
 */
export async function purgeExpiredRecords(deps: PurgeDeps, scheduleTime: string): Promise<PurgeResult> {
  const now = new Date(ScheduleTime.parse(scheduleTime));
  const erased: Record<string, number> = {};
  let files = 0;
  for (const rule of RETENTION_SCHEDULE) {
    const query = queryOf(deps.db, rule, retentionCutoff(rule, now)).limit(BATCH);
    let count = 0;
    for (;;) {
      const snap = await query.get();
      if (snap.empty) break;
      if (rule.collection === 'uploads') {
        for (const doc of snap.docs) {
          const path = doc.get('storagePath');
          if (typeof path === 'string') await deps.files.delete(path);
          files += 1;
        }
      }
      const batch = deps.db.batch();
      for (const doc of snap.docs) batch.delete(doc.ref);
      await batch.commit();
      count += snap.size;
      if (snap.size < BATCH) break;
    }
    erased[rule.collection] = count;
  }
  return { scheduleTime, erased, files };
}

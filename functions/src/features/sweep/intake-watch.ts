// Decree 118/2025 Art. 17.2: a dossier filed online is seen at once (the reception alert) and accepted or
// returned within 8 working hours. The sweep escalates what the desk has not taken up: after 2 hours to the
// desk's lead (`intakeUnseen`), and past the 8 working hours to the desk's lead and the province monitors
// (`intakeOverdue`). Reads only registered dossiers whose alert time has passed.
import type { Firestore } from 'firebase-admin/firestore';
import { DOSSIERS } from '../../store/dossiers.js';
import { NOTIFICATION_REQUESTS } from '../../store/outbox.js';
import { revive } from '../../store/revive.js';

export type IntakeEscalation = 'intakeUnseen' | 'intakeOverdue';
export const intakeTaskIdOf = (dossierId: string, kind: IntakeEscalation) => `${dossierId}_${kind}`;

type Watched = { id: string; receivingAgencyId: string; intake: { alertAt: Date; decideBy: Date } };

/**
 * Creates the intake escalation tasks that are due and absent.
 * @idempotent by task id `{dossierId}_{intakeUnseen|intakeOverdue}`: created in a transaction only if absent,
 * with its notification request `notificationRequests/sweep_{taskId}`.
 */
export async function escalateOnlineIntake(db: Firestore, now: Date): Promise<{ read: number; tasksCreated: number }> {
  const snap = await db.collection(DOSSIERS).where('status', '==', 'registered').where('intake.alertAt', '<=', now).get();
  const leads = new Map<string, string[]>();
  let monitors: string[] | undefined;
  let tasksCreated = 0;
  for (const doc of snap.docs) {
    const d = { id: doc.id, ...(revive(doc.data()) as Omit<Watched, 'id'>) };
    const kinds: IntakeEscalation[] = ['intakeUnseen', ...(now.getTime() > d.intake.decideBy.getTime() ? (['intakeOverdue'] as const) : [])];
    for (const kind of kinds) {
      if (!leads.has(d.receivingAgencyId)) {
        const found = await db.collection('users').where('agencyId', '==', d.receivingAgencyId).where('role', '==', 'lead').get();
        leads.set(d.receivingAgencyId, found.docs.map((u) => u.id).sort());
      }
      if (kind === 'intakeOverdue' && monitors === undefined) {
        monitors = (await db.collection('users').where('role', '==', 'monitor').get()).docs.map((u) => u.id).sort();
      }
      const assigneeUids = [...leads.get(d.receivingAgencyId)!, ...(kind === 'intakeOverdue' ? monitors! : [])];
      const id = intakeTaskIdOf(d.id, kind);
      const taskRef = db.collection('tasks').doc(id);
      const made = await db.runTransaction(async (tx) => {
        if ((await tx.get(taskRef)).exists) return false;
        tx.create(taskRef, { kind, level: null, dossierId: d.id, agencyId: d.receivingAgencyId, assigneeUids, dueAt: d.intake.decideBy, createdAt: now, state: 'open' });
        tx.set(db.collection(NOTIFICATION_REQUESTS).doc(`sweep_${id}`), {
          dossierId: d.id,
          key: id,
          eventType: kind,
          level: null,
          at: now,
          dueAt: d.intake.decideBy,
          state: 'pending',
          audience: 'officers',
          recipientUids: assigneeUids,
        });
        return true;
      });
      if (made) tasksCreated += 1;
    }
  }
  return { read: snap.size, tasksCreated };
}

// The sender is told when their case is refused, when more information is asked, and when it is answered,
// by email and SMS to the contact they left. The messages are written to the delivery ledger
// `notifications/{id}` as `queued` in the step's transaction; the notification retry job sends them (within
// its 5-minute tick), with its retries and lease. The id is a hash of (case, version, channel): a replayed
// step writes the same documents.
import { createHash } from 'node:crypto';
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import type { FeedbackCase, FeedbackSender } from '../../domain/index.js';

export const NOTIFICATIONS = 'notifications';

export type SenderMessage = { subject: { vi: string; en: string }; body: { vi: string; en: string } };

export function senderMessage(kind: 'refused' | 'infoRequested' | 'answered', c: FeedbackCase, trackUrl: string): SenderMessage {
  switch (kind) {
    case 'refused':
      return {
        subject: { vi: 'Phản ánh, kiến nghị không được tiếp nhận xử lý', en: 'Your feedback was not accepted' },
        body: { vi: `Phản ánh "${c.subject}" không được tiếp nhận xử lý. Lý do: ${c.refusal?.reason ?? ''}. Xem: ${trackUrl}`, en: `Your feedback "${c.subject}" was not accepted. Reason: ${c.refusal?.reason ?? ''}. See: ${trackUrl}` },
      };
    case 'infoRequested':
      return {
        subject: { vi: 'Đề nghị bổ sung thông tin phản ánh', en: 'More information needed for your feedback' },
        body: { vi: `Cơ quan cần thêm thông tin về phản ánh "${c.subject}": ${c.infoRequest?.question ?? ''}. Trả lời tại: ${trackUrl}`, en: `The agency needs more information about "${c.subject}": ${c.infoRequest?.question ?? ''}. Reply at: ${trackUrl}` },
      };
    case 'answered':
      return {
        subject: { vi: 'Trả lời phản ánh, kiến nghị', en: 'Answer to your feedback' },
        body: { vi: `Trả lời phản ánh "${c.subject}": ${c.answer?.text ?? ''}. Đánh giá câu trả lời tại: ${trackUrl}`, en: `Answer to "${c.subject}": ${c.answer?.text ?? ''}. Rate the answer at: ${trackUrl}` },
      };
  }
}

export function notificationIdOf(feedbackId: string, version: number, channel: string): string {
  return createHash('sha256').update(`feedback\u0000${feedbackId}\u0000${version}\u0000${channel}`).digest('hex').slice(0, 40);
}

/** Queues the message on each channel the sender left; returns how many. */
export function queueSenderMessages(db: Firestore, tx: Transaction, c: FeedbackCase, sender: FeedbackSender, message: SenderMessage, now: Date): number {
  const targets = [...(sender.email ? [{ channel: 'email', to: sender.email }] : []), ...(sender.phone ? [{ channel: 'sms', to: sender.phone }] : [])];
  for (const t of targets) {
    tx.set(db.collection(NOTIFICATIONS).doc(notificationIdOf(c.id, c.version, t.channel)), {
      feedbackId: c.id,
      dossierId: null,
      dossierCode: null,
      eventType: 'feedback',
      channel: t.channel,
      recipientUid: sender.uid,
      to: t.to,
      subject: message.subject,
      body: message.body,
      state: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    });
  }
  return targets.length;
}

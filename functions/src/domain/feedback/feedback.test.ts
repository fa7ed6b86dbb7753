import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../time/index.js';
import { fixtureYears } from '../../../../test/fixtures/calendars.js';
import { FEEDBACK_DEADLINE_DEFAULTS, type TimeContext } from './deadlines.js';
import { decideFeedback, missedDeadlines, nextDueOf, openFeedback, type FeedbackActor, type FeedbackCase } from './decide.js';
import { FeedbackRecordInput, FeedbackSubmission } from './feedback.js';

const vn = (local: string) => new Date(`${local}:00+07:00`);
const ctx: TimeContext = { calendar: buildWorkingCalendar(fixtureYears), days: FEEDBACK_DEADLINE_DEFAULTS };
const DESK = '000.00.01.H99';
const OFFICE = '000.00.14.H99';
const officer = (role: 'receptionist' | 'handler' | 'lead', agencyId = DESK): FeedbackActor => ({ kind: 'officer', role, uid: `${role}-1`, agencyId });

function opened(at = '2026-07-13T09:00', category: FeedbackCase['category'] = 'dossierDelay'): FeedbackCase {
  return openFeedback({ id: 'f1', channel: 'online', category, agencyId: DESK, subject: 's', body: 'b', dossierCode: null, recordedBy: null, now: vn(at), ctx }).case;
}
function step(c: FeedbackCase, action: Parameters<typeof decideFeedback>[1], actor: FeedbackActor, at: string) {
  const d = decideFeedback(c, action, actor, vn(at), ctx);
  if (!d.ok) throw new Error(d.message.en);
  return d;
}

describe('feedback deadlines (working days)', () => {
  it('refuse 2, ask for more 5, answer 15 from reception, across weekends', () => {
    // Received Mon 13/07 09:00.
    expect(opened().deadlines).toEqual({ refuseBy: vn('2026-07-15T09:00'), askInfoBy: vn('2026-07-20T09:00'), answerBy: vn('2026-08-03T09:00'), publishBy: null });
  });
  it('a call on Friday evening counts from Monday morning', () => {
    // Fri 17/07 19:00 counts from Mon 20/07 07:00; two 8-hour days end at Tuesday's closing, 17:00.
    expect(opened('2026-07-17T19:00').deadlines.refuseBy).toEqual(vn('2026-07-21T17:00'));
  });
  it('publish within 2 working days of the answer; the answer clock restarts when the information comes', () => {
    let c = opened();
    c = step(c, { type: 'requestInfo', question: 'Mã hồ sơ?' }, officer('handler'), '2026-07-14T10:00').next;
    c = step(c, { type: 'supplyInfo', info: 'Mã 000…' }, { kind: 'sender' }, '2026-07-16T10:00').next;
    expect(c.deadlines.answerBy).toEqual(vn('2026-08-06T10:00'));
    const answered = step(c, { type: 'answer', answer: 'Đã xử lý' }, officer('handler'), '2026-07-31T10:00');
    expect(answered.next.deadlines.publishBy).toEqual(vn('2026-08-04T10:00'));
  });
});

describe('feedback steps', () => {
  it('answered on time, then published late, moves the counters and gauges', () => {
    const a = step(opened(), { type: 'answer', answer: 'Đã trả kết quả' }, officer('handler'), '2026-07-31T16:00');
    expect(a.next.status).toBe('answered');
    expect(a.tellSender).toBe('answered');
    expect(a.rollups).toEqual([{ agencyId: DESK, counters: { answered: 1, answeredOnTime: 1 }, gauges: { feedbackOpen: -1, feedbackUnpublished: 1 } }]);
    const p = step(a.next, { type: 'publish', question: 'Hồ sơ chậm', answer: 'Đã trả' }, officer('lead'), '2026-08-05T09:00');
    expect(p.next.publication?.onTime).toBe(false);
    expect(p.rollups[0]!.counters).toEqual({ published: 1 });
  });
  it('a refusal after 2 working days is done but counted late', () => {
    const r = step(opened(), { type: 'refuse', reason: 'Không thuộc thẩm quyền' }, officer('receptionist'), '2026-07-15T09:30');
    expect(r.next.refusal?.onTime).toBe(false);
    expect(r.rollups[0]!.counters).toEqual({ refused: 1 });
  });
  it('assigning to another agency moves the open gauge and leaves the officer behind', () => {
    const c = step(opened(), { type: 'classify', category: 'staffConduct', agencyId: OFFICE }, officer('receptionist'), '2026-07-13T10:00');
    expect(c.next).toMatchObject({ agencyId: OFFICE, status: 'inProgress', category: 'staffConduct', handlerId: null });
    expect(c.rollups).toEqual([
      { agencyId: DESK, counters: {}, gauges: { feedbackOpen: -1 } },
      { agencyId: OFFICE, counters: {}, gauges: { feedbackOpen: 1 } },
    ]);
    // The desk no longer handles it; the office does.
    expect(decideFeedback(c.next, { type: 'answer', answer: 'x' }, officer('handler'), vn('2026-07-14T09:00'), ctx).ok).toBe(false);
    expect(decideFeedback(c.next, { type: 'answer', answer: 'x' }, officer('handler', OFFICE), vn('2026-07-14T09:00'), ctx).ok).toBe(true);
  });
  it('a verified complaint about staff needs the lead and counts as verified', () => {
    const c = opened('2026-07-13T09:00', 'staffConduct');
    const handler = decideFeedback(c, { type: 'answer', answer: 'x', verified: true }, officer('handler'), vn('2026-07-14T09:00'), ctx);
    expect(handler).toMatchObject({ ok: false, code: 'permission-denied' });
    const lead = step(c, { type: 'answer', answer: 'Đã xác minh, xin lỗi', verified: true }, officer('lead'), '2026-07-14T09:00');
    expect(lead.next.answer?.verified).toBe(true);
    expect(lead.rollups[0]!.counters).toMatchObject({ verifiedComplaints: 1 });
  });
  it('who may do what', () => {
    const c = opened();
    expect(decideFeedback(c, { type: 'answer', answer: 'x' }, { kind: 'sender' }, vn('2026-07-14T09:00'), ctx).ok).toBe(false);
    expect(decideFeedback(c, { type: 'rate', satisfied: true }, officer('lead'), vn('2026-07-14T09:00'), ctx).ok).toBe(false);
    expect(decideFeedback(c, { type: 'answer', answer: 'x' }, { kind: 'officer', role: 'monitor', uid: 'm', agencyId: undefined }, vn('2026-07-14T09:00'), ctx).ok).toBe(false);
    expect(decideFeedback(c, { type: 'publish', question: 'q', answer: 'a' }, officer('lead'), vn('2026-07-14T09:00'), ctx)).toMatchObject({ ok: false, code: 'conflict' });
  });
  it('information is asked once; the sender rates the answer once', () => {
    const asked = step(opened(), { type: 'requestInfo', question: 'q' }, officer('handler'), '2026-07-14T10:00').next;
    const back = step(asked, { type: 'supplyInfo', info: 'i' }, { kind: 'sender' }, '2026-07-15T10:00').next;
    expect(decideFeedback(back, { type: 'requestInfo', question: 'q2' }, officer('handler'), vn('2026-07-16T10:00'), ctx).ok).toBe(false);
    const answered = step(back, { type: 'answer', answer: 'a' }, officer('handler'), '2026-07-16T10:00').next;
    const rated = step(answered, { type: 'rate', satisfied: false }, { kind: 'sender' }, '2026-07-17T10:00');
    expect(rated.rollups[0]!.counters).toEqual({ rated: 1 });
    expect(decideFeedback(rated.next, { type: 'rate', satisfied: true }, { kind: 'sender' }, vn('2026-07-18T10:00'), ctx).ok).toBe(false);
  });
});

describe('what the sweep escalates', () => {
  it('untriaged after 2 days, unanswered after 15, unpublished after 2; waiting for the sender stops the clock', () => {
    const c = opened();
    expect(missedDeadlines(c, vn('2026-07-15T08:59'))).toEqual([]);
    expect(missedDeadlines(c, vn('2026-07-15T09:01')).map((m) => m.kind)).toEqual(['triage']);
    expect(missedDeadlines(c, vn('2026-08-04T09:00')).map((m) => m.kind)).toEqual(['triage', 'answer']);
    expect(nextDueOf(c)).toEqual(vn('2026-07-15T09:00'));
    const waiting = step(c, { type: 'requestInfo', question: 'q' }, officer('handler'), '2026-07-14T10:00').next;
    expect(missedDeadlines(waiting, vn('2026-09-01T09:00'))).toEqual([]);
    expect(nextDueOf(waiting)).toBeNull();
    const answered = step(c, { type: 'answer', answer: 'a' }, officer('handler'), '2026-07-14T10:00').next;
    expect(missedDeadlines(answered, vn('2026-07-16T10:01')).map((m) => m.kind)).toEqual(['publish']);
  });
});

describe('what comes in', () => {
  const form = { category: 'staffConduct', subject: 'Thái độ', body: 'Cán bộ quát tháo' };
  it('a contact needs a phone or an email; unknown keys are refused', () => {
    expect(FeedbackSubmission.safeParse({ ...form, contact: { email: 'a@b.vn' } }).success).toBe(true);
    expect(FeedbackSubmission.safeParse({ ...form, contact: { fullName: 'Nguyễn Văn A' } }).success).toBe(false);
    expect(FeedbackSubmission.safeParse({ ...form, userId: 'x' }).success).toBe(false);
    expect(FeedbackSubmission.safeParse({ ...form, category: 'rude' }).success).toBe(false);
  });
  it('a desk record names its channel: hotline or paper', () => {
    expect(FeedbackRecordInput.safeParse({ ...form, channel: 'hotline' }).success).toBe(true);
    expect(FeedbackRecordInput.safeParse({ ...form, channel: 'online' }).success).toBe(false);
  });
});

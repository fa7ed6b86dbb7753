import { describe, expect, it } from 'vitest';
import { fixtureYears, vn } from '../../../../test/fixtures/calendars.js';
import { buildWorkingCalendar } from '../time/calendar.js';
import { identityMismatch, mask } from '../dossier/filer.js';
import type { Applicant } from '../applicant/applicant.js';
import { allowedDataRequestActions, dataRequestDeadlines, dataRequestLateness, extendedDeadline } from './data-request.js';
import { CONSENT_PURPOSE_TEXT, CONSENT_PURPOSES, isConsentPurpose, PRIVACY_NOTICE } from './notice.js';
import { RETENTION_SCHEDULE, retentionCutoff } from './retention.js';

const calendar = buildWorkingCalendar(fixtureYears);

describe('data subject request deadlines (Decree 356/2025)', () => {
  it('replies within 2 working days and completes within 15 days', () => {
    // Thursday 10:00 → reply by Monday 10:00 (the weekend does not count); complete by the 15th day's close.
    const { replyDueAt, completeDueAt } = dataRequestDeadlines(vn('2026-03-05T10:00'), calendar);
    expect(replyDueAt).toEqual(vn('2026-03-09T10:00'));
    expect(completeDueAt).toEqual(vn('2026-03-20T17:00'));
  });

  it('skips holidays in the reply deadline (Hùng Kings, 30/4 and 1/5 2026)', () => {
    const { replyDueAt } = dataRequestDeadlines(vn('2026-04-29T09:00'), calendar);
    expect(replyDueAt).toEqual(vn('2026-05-05T09:00'));
  });

  it('one extension adds 15 days to the completion deadline', () => {
    expect(extendedDeadline(vn('2026-03-20T17:00'))).toEqual(vn('2026-04-04T17:00'));
  });

  it('allows a reply while open, one extension, then completion or refusal; nothing once closed', () => {
    expect(allowedDataRequestActions({ status: 'open' })).toEqual(['reply', 'extend', 'complete', 'refuse']);
    expect(allowedDataRequestActions({ status: 'replied', repliedAt: new Date() })).toEqual(['extend', 'complete', 'refuse']);
    expect(allowedDataRequestActions({ status: 'replied', repliedAt: new Date(), extendedAt: new Date() })).toEqual(['complete', 'refuse']);
    expect(allowedDataRequestActions({ status: 'completed' })).toEqual([]);
    expect(allowedDataRequestActions({ status: 'refused' })).toEqual([]);
  });

  it('is late to reply after the reply deadline, late to complete after the completion deadline', () => {
    const clock = { receivedAt: vn('2026-03-05T10:00'), replyDueAt: vn('2026-03-09T10:00'), completeDueAt: vn('2026-03-20T17:00'), status: 'open' as const };
    expect(dataRequestLateness(clock, vn('2026-03-09T09:59'))).toEqual({ replyLate: false, completeLate: false });
    expect(dataRequestLateness(clock, vn('2026-03-09T10:01'))).toEqual({ replyLate: true, completeLate: false });
    expect(dataRequestLateness({ ...clock, status: 'replied', repliedAt: vn('2026-03-06T08:00') }, vn('2026-03-21T08:00'))).toEqual({ replyLate: false, completeLate: true });
    expect(dataRequestLateness({ ...clock, status: 'completed', repliedAt: vn('2026-03-10T08:00') }, vn('2026-04-30T08:00'))).toEqual({ replyLate: true, completeLate: false });
  });
});

describe('identity of a VNeID session (filing as oneself)', () => {
  const person = { kind: 'person', fullName: 'Bùi Thị Mai', identity: { kind: 'citizenId', number: '079190001234' }, phone: '+84987654321', address: { line: 'x', communeName: 'y', provinceName: 'z' } } as Applicant;
  const org = { kind: 'organisation', name: 'Công ty A', taxCode: '0100109106', representative: { fullName: 'Trương Văn Đạt', title: 'Giám đốc', identity: { kind: 'citizenId', number: '031080002222' } }, phone: '+84903111222', address: { line: 'x', communeName: 'y', provinceName: 'z' } } as Applicant;

  it('accepts the person themself, the legal representative, or the declared filer', () => {
    expect(identityMismatch(person, undefined, '079190001234')).toBeUndefined();
    expect(identityMismatch(org, undefined, '031080002222')).toBeUndefined();
    expect(identityMismatch(person, { identity: { number: '038085004321' } }, '038085004321')).toBeUndefined();
    expect(identityMismatch(person, undefined, undefined)).toBeUndefined();
  });

  it('names the field that does not match, with the verified number masked', () => {
    expect(identityMismatch(person, undefined, '038085004321')?.path).toBe('applicant.identity.number');
    expect(identityMismatch(org, undefined, '038085004321')?.path).toBe('applicant.representative.identity.number');
    const filer = identityMismatch(person, { identity: { number: '001190012345' } }, '038085004321');
    expect(filer?.path).toBe('filer.identity.number');
    expect(filer?.message.vi).toContain('••••••••4321');
    expect(filer?.message.en).toContain('VNeID');
    expect(mask('038085004321')).toBe('••••••••4321');
  });
});

describe('notice, consent purposes and retention', () => {
  it('the notice says what, why (with the legal basis), how long, who, and the rights', () => {
    expect(PRIVACY_NOTICE.sections.map((s) => s.id)).toEqual(['what', 'why', 'how-long', 'who', 'rights']);
    for (const s of PRIVACY_NOTICE.sections) expect(s.body.vi.length && s.body.en.length).toBeTruthy();
    expect(PRIVACY_NOTICE.sections.find((s) => s.id === 'why')?.body.vi).toMatch(/Nghị định 118\/2025/);
  });

  it('every consent purpose has its label and the effect of withdrawing', () => {
    for (const p of CONSENT_PURPOSES) expect(CONSENT_PURPOSE_TEXT[p].effectOfWithdrawal.vi).toBeTruthy();
    expect(isConsentPurpose('profile')).toBe(true);
    expect(isConsentPurpose('marketing')).toBe(false);
  });

  it('the schedule covers drafts, uploads never attached, notifications, rate limits, idempotency records and logs', () => {
    const covered = RETENTION_SCHEDULE.map((r) => r.collection);
    for (const c of ['drafts', 'uploads', 'notifications', 'rateLimits', 'group:requests', 'processedEvents', 'accessLogs']) expect(covered).toContain(c);
    expect(RETENTION_SCHEDULE.find((r) => r.collection === 'uploads')?.where).toEqual({ field: 'dossierId', equals: null });
    expect(retentionCutoff({ collection: 'drafts', field: 'updatedAt', days: 90, why: '' }, new Date('2026-12-31T00:00:00Z'))).toEqual(new Date('2026-10-02T00:00:00Z'));
  });
});

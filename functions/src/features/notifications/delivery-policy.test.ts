import { describe, expect, it } from 'vitest';
import { afterQuietHours, backoffMs, DELIVERY_POLICY } from './delivery-policy.js';
import { renderMessage, emailText, TEMPLATE_VERSION } from './templates.js';
import { notificationId } from './fan-out.js';

const vn = (local: string) => new Date(`${local}+07:00`);

describe('SMS quiet hours (21:00–07:00 Vietnam time)', () => {
  it('holds evening and night messages until 07:00', () => {
    expect(afterQuietHours(vn('2026-12-03T21:30:00')).toISOString()).toBe(vn('2026-12-04T07:00:00').toISOString());
    expect(afterQuietHours(vn('2026-12-04T06:59:00')).toISOString()).toBe(vn('2026-12-04T07:00:00').toISOString());
    expect(afterQuietHours(vn('2026-12-03T21:00:00')).toISOString()).toBe(vn('2026-12-04T07:00:00').toISOString());
  });
  it('sends at once in the day', () => {
    expect(afterQuietHours(vn('2026-12-04T07:00:00')).toISOString()).toBe(vn('2026-12-04T07:00:00').toISOString());
    expect(afterQuietHours(vn('2026-12-04T20:59:00')).toISOString()).toBe(vn('2026-12-04T20:59:00').toISOString());
  });
});

describe('retry backoff', () => {
  it('doubles per attempt, adds at most 50% jitter, and is capped', () => {
    expect(backoffMs(1, 0)).toBe(60_000);
    expect(backoffMs(2, 0)).toBe(120_000);
    expect(backoffMs(3, 0.999)).toBeLessThan(240_000 * 1.5);
    expect(backoffMs(3, 0.5)).toBe(300_000);
    expect(backoffMs(30, 0)).toBe(DELIVERY_POLICY.backoffCapMs);
  });
});

describe('templates', () => {
  it('writes the appointment in Vietnam time, Vietnamese first', () => {
    const m = renderMessage('receive', { code: '000.00.01.H99-261128-0001', dueAt: new Date('2026-12-04T09:10:00Z') });
    expect(m.body.vi).toBe('Hồ sơ 000.00.01.H99-261128-0001 đã được tiếp nhận, hẹn trả kết quả 16:10 04/12/2026.');
    expect(emailText(m).indexOf(m.body.vi)).toBe(0);
    expect(m.body.en).toContain('16:10 04/12/2026');
    expect(TEMPLATE_VERSION).toBeGreaterThanOrEqual(1);
  });
  it('has a text for every event the lifecycle notifies and for the sweep', () => {
    for (const e of ['submit', 'intake', 'receive', 'refuseAtReception', 'requestSupplement', 'submitSupplement', 'requestPayment', 'resolve', 'extend', 'returnResult', 'withdraw', 'stop', 'dueSoon', 'overdue']) {
      expect(renderMessage(e, { code: 'X' }).body.vi, e).not.toContain(`(${e})`);
    }
  });
});

describe('notification ids', () => {
  it('depend on dossier, event, channel and recipient only', () => {
    const a = notificationId('d1', 'v000002', 'email', 'u1');
    expect(a).toBe(notificationId('d1', 'v000002', 'email', 'u1'));
    expect(new Set([a, notificationId('d1', 'v000003', 'email', 'u1'), notificationId('d1', 'v000002', 'sms', 'u1'), notificationId('d1', 'v000002', 'email', 'u2')]).size).toBe(4);
  });
});

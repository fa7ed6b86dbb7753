import { describe, expect, it } from 'vitest';
import { decideOnlineQuota, DEFAULT_ONLINE_QUOTA, quotaDayEnd } from './intake-quota.js';

const limits = { perAccountPerDay: 3, perAgencyPerDay: 5 };
const now = new Date('2026-12-03T09:30:00Z'); // 16:30 in Vietnam

describe('online submission quotas', () => {
  it('let submissions through below both limits', () => {
    expect(decideOnlineQuota({ account: 0, agency: 0 }, limits, now)).toEqual({ ok: true });
    expect(decideOnlineQuota({ account: 2, agency: 4 }, limits, now)).toEqual({ ok: true });
  });
  it('refuse the account first, then the desk, until Vietnam midnight', () => {
    const resetsAt = new Date('2026-12-03T17:00:00Z');
    expect(decideOnlineQuota({ account: 3, agency: 5 }, limits, now)).toEqual({ ok: false, exhausted: 'account', limit: 3, resetsAt });
    expect(decideOnlineQuota({ account: 1, agency: 5 }, limits, now)).toEqual({ ok: false, exhausted: 'agency', limit: 5, resetsAt });
  });
  it('take an account’s own limit when an administrator set one', () => {
    expect(decideOnlineQuota({ account: 3, agency: 0, accountLimit: 50 }, limits, now)).toEqual({ ok: true });
    expect(decideOnlineQuota({ account: 1, agency: 0, accountLimit: 1 }, limits, now)).toMatchObject({ ok: false, exhausted: 'account', limit: 1 });
    expect(decideOnlineQuota({ account: 0, agency: 0, accountLimit: 0 }, limits, now)).toMatchObject({ ok: false, exhausted: 'account' });
  });
  it('days are Vietnam days', () => {
    expect(quotaDayEnd(new Date('2026-12-03T16:59:59Z')).toISOString()).toBe('2026-12-03T17:00:00.000Z');
    expect(quotaDayEnd(new Date('2026-12-03T17:00:00Z')).toISOString()).toBe('2026-12-04T17:00:00.000Z');
  });
  it('defaults: a handful per account, hundreds per desk', () => {
    expect(DEFAULT_ONLINE_QUOTA.perAccountPerDay).toBeLessThan(DEFAULT_ONLINE_QUOTA.perAgencyPerDay);
  });
});

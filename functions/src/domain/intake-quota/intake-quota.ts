// How many dossiers may be filed online in a day (Vietnam date), per account and per receiving desk. An
// account that could submit without limit could take a desk's whole day of codes and fill its queue with
// junk (issue 12, finding 2). Walk-ins recorded at the desk are never counted nor refused: the desk keeps
// receiving the people in front of it whatever arrives online. The limits are operators' settings
// (config.ts); an administrator may raise one account's daily limit (`users/{uid}.onlineSubmissionsPerDay`)
// for someone who legitimately files a lot (a business's clerk, a notary's office).
import { dayNumberOfInstant, DAY_MS, VIETNAM_OFFSET_MS } from '../time/local-time.js';

export type OnlineQuotaLimits = {
  /** Online submissions one account may make in a day, to any desk. */
  readonly perAccountPerDay: number;
  /** Online submissions one receiving desk takes in a day, from all accounts together. */
  readonly perAgencyPerDay: number;
};

/** A citizen files a handful of applications a day at most; a provincial centre receives a few hundred online. */
export const DEFAULT_ONLINE_QUOTA: OnlineQuotaLimits = { perAccountPerDay: 10, perAgencyPerDay: 1000 };

export type OnlineQuotaUse = {
  /** Submissions the account made today. */
  readonly account: number;
  /** Online submissions the desk received today. */
  readonly agency: number;
  /** The account's own daily limit, when an administrator set one. */
  readonly accountLimit?: number;
};

export type OnlineQuotaDecision =
  | { readonly ok: true }
  | { readonly ok: false; readonly exhausted: 'account' | 'agency'; readonly limit: number; readonly resetsAt: Date };

/** The Vietnam midnight after `now`: when the day's counts start again. */
export function quotaDayEnd(now: Date): Date {
  return new Date((dayNumberOfInstant(now.getTime()) + 1) * DAY_MS - VIETNAM_OFFSET_MS);
}

/** Whether one more online submission fits today. The account's limit is checked first (it is the caller's own). */
export function decideOnlineQuota(use: OnlineQuotaUse, limits: OnlineQuotaLimits, now: Date): OnlineQuotaDecision {
  const accountLimit = use.accountLimit ?? limits.perAccountPerDay;
  if (use.account >= accountLimit) return { ok: false, exhausted: 'account', limit: accountLimit, resetsAt: quotaDayEnd(now) };
  if (use.agency >= limits.perAgencyPerDay) return { ok: false, exhausted: 'agency', limit: limits.perAgencyPerDay, resetsAt: quotaDayEnd(now) };
  return { ok: true };
}

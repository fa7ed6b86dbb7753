// Dates as the pages receive them: Firestore Timestamps from live listeners, ISO strings from the API.

/** A Firestore Timestamp (anything with `toDate()`), a Date or an ISO string as a Date; undefined otherwise. */
export function toDate(value: unknown): Date | undefined {
  if (!value) return undefined;
  if (value instanceof Date) return value;
  if (typeof value === 'string') return new Date(value);
  const stamp = value as { toDate?: unknown };
  return typeof stamp.toDate === 'function' ? (stamp as { toDate(): Date }).toDate() : undefined;
}

// Firestore gives Timestamps back; the domain works with Dates. Every read of a stored document that the
// domain will use goes through `revive`.
import { Timestamp } from 'firebase-admin/firestore';

export function revive<T>(value: T): T {
  if (value instanceof Timestamp) return value.toDate() as T;
  if (Array.isArray(value)) return value.map(revive) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)])) as T;
  }
  return value;
}

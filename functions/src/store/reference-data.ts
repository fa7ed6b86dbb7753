// Reference data the lifecycle needs (calendars, procedure versions, agencies), read outside the
// action transaction and cached per instance: versions never change; calendars and agencies may be
// corrected by an administrator, so a copy counts only while its kind's stamp is unchanged
// (reference-stamps.ts: an admin edit counts at once) and for five minutes at most.
import type { Firestore } from 'firebase-admin/firestore';
import {
  buildWorkingCalendar,
  Calendar,
  DEFAULT_WORKING_HOURS,
  RuleSetSettings,
  EvaluationSettings,
  resolveEvaluationSettings,
  type ResolvedEvaluationSettings,
  type RuleSet,
  type Agency,
  type Procedure,
  type WorkingCalendar,
  type WorkingHours,
} from '../domain/index.js';
import { ApiError } from '../platform/api-error.js';
import { logs } from '../platform/logs.js';
import { readStamps } from './reference-stamps.js';
import { revive } from './revive.js';
import { EVALUATION_SETTINGS } from './rollups.js';

const FIVE_MINUTES = 5 * 60_000;
type Cached<T> = { value: T; until: number; stamp?: number };
const fresh = <T>(cached: Cached<T> | undefined, now: number, stamp: number): cached is Cached<T> =>
  cached !== undefined && cached.until > now && cached.stamp === stamp;
let calendarCache: Cached<WorkingCalendar> | undefined;
const procedureCache = new Map<string, Cached<Procedure>>();
const agencyCache = new Map<string, Cached<Agency | undefined>>();
const settingsCache = new Map<string, Cached<RuleSetSettings | undefined>>();

/**
 * An administrator's corrections of a rule set's reported facts (`ruleSetSettings/{ruleSet}`), or none.
 * A malformed document is logged and ignored: the rule set's defaults apply rather than a broken intake.
 */
export async function ruleSetSettings(db: Firestore, ruleSet: RuleSet, now = Date.now()): Promise<RuleSetSettings | undefined> {
  const stamp = (await readStamps(db)).ruleSetSettings;
  const cached = settingsCache.get(ruleSet);
  if (fresh(cached, now, stamp)) return cached.value;
  const snap = await db.collection(RULE_SET_SETTINGS).doc(ruleSet).get();
  const parsed = snap.exists ? RuleSetSettings.safeParse(snap.data()) : undefined;
  if (parsed && !parsed.success) logs.storedDocumentSkipped(`${RULE_SET_SETTINGS}/${ruleSet}`, 'malformed rule-set settings');
  const value = parsed?.success ? parsed.data : undefined;
  settingsCache.set(ruleSet, { value, until: now + FIVE_MINUTES, stamp });
  return value;
}

export const RULE_SET_SETTINGS = 'ruleSetSettings';

export async function workingCalendar(db: Firestore, now = Date.now()): Promise<WorkingCalendar> {
  const stamp = (await readStamps(db)).calendars;
  if (fresh(calendarCache, now, stamp)) return calendarCache.value;
  const snap = await db.collection('calendars').get();
  const years = snap.docs.map((d) => Calendar.parse(revive(d.data())));
  const value = buildWorkingCalendar(years);
  calendarCache = { value, until: now + FIVE_MINUTES, stamp };
  return value;
}

export async function procedureVersion(
  db: Firestore,
  code: string,
  version?: number,
  now = Date.now(),
): Promise<Procedure> {
  const key = `${code}@${version ?? 'current'}`;
  const cached = procedureCache.get(key);
  // A pinned version never changes: no stamp to check.
  if (cached && version !== undefined) return cached.value;
  const stamp = version === undefined ? (await readStamps(db)).procedures : 0;
  if (version === undefined && fresh(cached, now, stamp)) return cached.value;
  const ref =
    version === undefined ? db.doc(`procedures/${code}`) : db.doc(`procedures/${code}/versions/${version}`);
  const snap = await ref.get();
  if (!snap.exists) {
    throw new ApiError('not-found', { vi: `Không có thủ tục ${code}.`, en: `No procedure ${code}.` }, [
      { path: 'procedureCode', message: { vi: 'Không có thủ tục này', en: 'No such procedure' } },
    ]);
  }
  const procedure = revive(snap.data()) as Procedure;
  // A pinned version never changes; the version in force may be replaced by an administrator.
  procedureCache.set(key, { value: procedure, until: version === undefined ? now + FIVE_MINUTES : Infinity, stamp });
  return procedure;
}

export async function findAgency(db: Firestore, id: string, now = Date.now()): Promise<Agency | undefined> {
  const stamp = (await readStamps(db)).agencies;
  const cached = agencyCache.get(id);
  if (fresh(cached, now, stamp)) return cached.value;
  const snap = await db.doc(`agencies/${id}`).get();
  const value = snap.exists ? (revive(snap.data()) as Agency) : undefined;
  agencyCache.set(id, { value, until: now + FIVE_MINUTES, stamp });
  return value;
}

export async function workingHoursOf(db: Firestore, agencyId: string): Promise<WorkingHours> {
  return (await findAgency(db, agencyId))?.workingHours ?? DEFAULT_WORKING_HOURS;
}

/** Counted under this field when the procedure is missing from the catalogue, so totals stay right. */
export const UNKNOWN_FIELD = 'unknown';

// Procedure code → field. A procedure's field does not change within a version's life, and an instance
// lives minutes to hours, so a per-instance cache saves one read per event.
const fieldCache = new Map<string, string>();

export async function fieldOf(db: Firestore, procedureCode: string): Promise<string> {
  const cached = fieldCache.get(procedureCode);
  if (cached !== undefined) return cached;
  const field = (await db.collection('procedures').doc(procedureCode).get()).get('field') as unknown;
  if (typeof field !== 'string' || field === '') return UNKNOWN_FIELD; // not cached: the catalogue may be fixed
  fieldCache.set(procedureCode, field);
  return field;
}

const evaluationCache: { value?: Cached<ResolvedEvaluationSettings> } = {};

/**
 * Points, targets and thresholds of the evaluation indices and the feedback deadlines: the defaults of the
 * domain with an administrator's corrections (`evaluationSettings/current`) over them. A malformed document
 * is logged and ignored: the defaults apply rather than a broken dashboard.
 */
export async function evaluationSettings(db: Firestore, now = Date.now()): Promise<ResolvedEvaluationSettings> {
  const cached = evaluationCache.value;
  if (cached && cached.until > now) return cached.value;
  const snap = await db.collection(EVALUATION_SETTINGS).doc('current').get();
  const parsed = snap.exists ? EvaluationSettings.safeParse(revive(snap.data())) : undefined;
  if (parsed && !parsed.success) logs.storedDocumentSkipped(`${EVALUATION_SETTINGS}/current`, 'malformed evaluation settings');
  const value = resolveEvaluationSettings(parsed?.success ? parsed.data : undefined);
  evaluationCache.value = { value, until: now + FIVE_MINUTES };
  return value;
}

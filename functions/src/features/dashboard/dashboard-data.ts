// Loads what the dashboard shows, counting the documents read: the agencies, the roll-ups of the periods
// asked for (one query), the live gauges and the backlog (a few documents per agency each: store/counter-shards.ts), the
// per-officer month for a lead, and the procedure catalogue (cached per instance). Nothing here grows with
// the number of dossiers.
import type { Firestore } from 'firebase-admin/firestore';
import { D766_GROUP_LABELS, D766_SUB_INDICATOR_INFO, OnlineLevel, type Bilingual } from '../../domain/index.js';
import type { DashboardAnswer, OfficerFigures } from '../../contract/index.js';
import type { Caller } from '../../platform/auth.js';
import { readPublicAgencies } from '../../store/agencies.js';
import { evaluationSettings } from '../../store/reference-data.js';
import { BACKLOG, OFFICER_STATS, ROLLUPS } from '../../store/rollups.js';
import { counterDocIds, sumCounterDocs } from '../../store/counter-shards.js';
import { addInto, breakdown, FIELD_LABELS, n, unitOf, withRanks, type CatalogueFacts, type Sums } from './dashboard-figures.js';
import type { Range } from './dashboard-range.js';

type Catalogue = CatalogueFacts & { names: Map<string, Bilingual> };
let catalogueCache: { value: Catalogue; until: number } | undefined;

/** Procedures in the catalogue (the version in force): code, name, levels, offered online. */
async function catalogue(db: Firestore, now: number): Promise<{ value: Catalogue; reads: number }> {
  if (catalogueCache && catalogueCache.until > now) return { value: catalogueCache.value, reads: 0 };
  const snap = await db.collection('procedures').get();
  const procedures: Catalogue['procedures'][number][] = [];
  const names = new Map<string, Bilingual>();
  for (const doc of snap.docs) {
    const level = doc.get('onlineLevel') as unknown;
    const levels = doc.get('competentLevels') as unknown;
    const name = doc.get('name') as Bilingual | undefined;
    procedures.push({ code: doc.id, online: OnlineLevel.safeParse(level).success, levels: Array.isArray(levels) ? levels.filter((l): l is string => typeof l === 'string') : [] });
    if (name && typeof name.vi === 'string' && typeof name.en === 'string') names.set(doc.id, { vi: name.vi, en: name.en });
  }
  const value = { procedures, names };
  catalogueCache = { value, until: now + 5 * 60_000 };
  return { value, reads: snap.size };
}

export async function loadDashboard(db: Firestore, caller: Caller, range: Range, agencyFilter: string | undefined, now: Date): Promise<DashboardAnswer> {
  let reads = 0;
  let periodQuery = db.collection(ROLLUPS).where('kind', '==', range.view).where('period', '>=', range.from).where('period', '<=', range.to);
  if (agencyFilter) periodQuery = periodQuery.where('agencyId', '==', agencyFilter);
  const officerMonth = caller.role === 'lead' && range.view === 'month' ? range.to : undefined;
  const [agencies, periodSnap, liveSnap, backlogSnap, cat, settings, officerSnap] = await Promise.all([
    readPublicAgencies(db),
    periodQuery.get(),
    db.collection(ROLLUPS).where('kind', '==', 'live').get(),
    db.collection(BACKLOG).get(),
    catalogue(db, now.getTime()),
    evaluationSettings(db),
    // The officers' month and its shards (store/counter-shards.ts), added up below.
    officerMonth ? db.getAll(...counterDocIds(`${caller.agencyId}_${officerMonth}`).map((id) => db.collection(OFFICER_STATS).doc(id))) : Promise.resolve(undefined),
  ]);
  reads += agencies.length + periodSnap.size + liveSnap.size + backlogSnap.size + cat.reads + (officerSnap?.length ?? 0);

  const perAgency = new Map<string, Map<string, Sums>>();
  for (const doc of periodSnap.docs) {
    const agencyId = doc.get('agencyId') as unknown;
    const period = doc.get('period') as unknown;
    if (typeof agencyId !== 'string' || typeof period !== 'string') continue;
    const periods = perAgency.get(agencyId) ?? new Map<string, Sums>();
    perAgency.set(agencyId, periods);
    const sums = periods.get(period) ?? {};
    addInto(sums, doc.data());
    periods.set(period, sums);
  }
  const byId = <T>(snap: FirebaseFirestore.QuerySnapshot, key: (d: FirebaseFirestore.QueryDocumentSnapshot) => string) => {
    const m = new Map<string, Sums>();
    // A gauge's shards (store/counter-shards.ts) share its key: they are added together.
    for (const d of snap.docs) {
      const s: Sums = m.get(key(d)) ?? {};
      addInto(s, d.data());
      m.set(key(d), s);
    }
    return m as Map<string, Sums> & T;
  };
  const live = byId(liveSnap, (d) => String(d.get('agencyId')));
  // The agency's base document (feedback) and the sweep's shards (dossiers) carry its id: added together.
  const backlog = byId(backlogSnap, (d) => String(d.get('agencyId')));
  const names = new Map(agencies.map((a) => [a.id, a]));
  const ids = [...new Set([...perAgency.keys(), ...live.keys(), ...backlog.keys()])].filter((id) => agencyFilter === undefined || id === agencyFilter).sort();

  const units = withRanks(
    ids.map((agencyId) =>
      unitOf({ agencyId, name: names.get(agencyId)?.name ?? null, level: names.get(agencyId)?.level ?? null, perPeriod: perAgency.get(agencyId) ?? new Map(), live: live.get(agencyId) ?? {}, backlog: backlog.get(agencyId) ?? {} }, range.periods, cat.value, settings),
    ),
  );
  // The province: every agency's periods, gauges and backlog added together.
  const provincePeriods = new Map<string, Sums>();
  const provinceLive: Sums = {};
  const provinceBacklog: Sums = {};
  const totals: Sums = {};
  for (const id of ids) {
    for (const [period, sums] of perAgency.get(id) ?? new Map<string, Sums>()) {
      const into = provincePeriods.get(period) ?? {};
      addInto(into, sums);
      provincePeriods.set(period, into);
      if (range.periods.includes(period)) addInto(totals, sums);
    }
    addInto(provinceLive, live.get(id));
    addInto(provinceBacklog, backlog.get(id));
  }
  const [province] = withRanks([unitOf({ agencyId: null, name: { vi: 'Toàn tỉnh', en: 'Province' }, level: null, perPeriod: provincePeriods, live: provinceLive, backlog: provinceBacklog }, range.periods, cat.value, settings)]);

  let officers: OfficerFigures[] | null = null;
  if (officerSnap) {
    const map = (sumCounterDocs(officerSnap.map((d) => d.data())).officers ?? {}) as Record<string, unknown>;
    officers = Object.keys(map)
      .sort()
      .map((uid) => {
        const s: Sums = {};
        addInto(s, map[uid]);
        return { uid, name: null, finished: n(s, 'finished'), finishedOnTime: n(s, 'finishedOnTime'), finishedLate: n(s, 'finishedLate'), rated: n(s, 'rated'), ratedNegative: n(s, 'ratedNegative'), complaints: n(s, 'complaints') };
      });
    if (officers.length > 0) {
      const users = await db.getAll(...officers.map((o) => db.collection('users').doc(o.uid)));
      reads += users.length;
      const display = new Map(users.map((u) => [u.id, (u.get('displayName') as string | undefined) ?? null]));
      officers = officers.map((o) => ({ ...o, name: display.get(o.uid) ?? null }));
    }
  }
  return {
    view: range.view,
    from: range.from,
    to: range.to,
    periods: range.periods,
    province: province!,
    agencies: units,
    byField: breakdown(totals, provinceBacklog, 'byField', FIELD_LABELS),
    byProcedure: breakdown(totals, provinceBacklog, 'byProcedure', cat.value.names),
    officers,
    labels: { d766Groups: D766_GROUP_LABELS, d766SubIndicators: D766_SUB_INDICATOR_INFO },
    settingsSource: settings.source ?? null,
    documentsRead: reads,
  };
}

// Security rules of the accountability documents: roll-ups and backlog (figures: the agency's officers,
// monitors, admins), per-officer figures (the agency's leads only), feedback senders (the agency handling
// the case and admins, never monitors), published answers (everyone), escalation tasks (assignees),
// drill-down facts and evaluation settings (closed: through the API only). Nothing is written by clients.
import { deleteDoc, doc, getDoc, setDoc, updateDoc } from 'firebase/firestore';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ACTOR_NAMES, AGENCY_X, AGENCY_Y, allowedOnly, EVERYONE, expectRule, NOBODY, rulesSession, seed, teardown, uidOf, type Actor } from './_env.js';

const rules = rulesSession();
const { db } = rules;
const OF_X = allowedOnly('receptionistX', 'leadX', 'admin', 'monitor');
const LEAD_X = allowedOnly('leadX');

const DOCS: Record<string, { data: object; reads: Record<Actor, boolean> }> = {
  [`rollups/${AGENCY_X}_2026-03`]: { data: { agencyId: AGENCY_X, period: '2026-03', kind: 'month', received: 4 }, reads: OF_X },
  [`rollups/${AGENCY_X}_live`]: { data: { agencyId: AGENCY_X, period: 'live', kind: 'live', inProgress: 2 }, reads: OF_X },
  [`backlog/${AGENCY_X}`]: { data: { agencyId: AGENCY_X, overdue: 1 }, reads: OF_X },
  [`officerStats/${AGENCY_X}_2026-03`]: { data: { agencyId: AGENCY_X, month: '2026-03', officers: { u1: { rated: 1 } } }, reads: LEAD_X },
  [`officerStats/${AGENCY_Y}_2026-03`]: { data: { agencyId: AGENCY_Y, month: '2026-03', officers: { u2: { rated: 1 } } }, reads: allowedOnly() },
  'feedback/rules-acc-fb/private/sender': { data: { agencyId: AGENCY_X, email: 'a@b.vn', phone: null, fullName: 'A', uid: null }, reads: allowedOnly('receptionistX', 'leadX', 'admin') },
  'feedback/rules-acc-fb/requests/r1': { data: { fingerprint: 'x' }, reads: NOBODY },
  'feedbackAnswers/rules-acc-fb': { data: { agencyId: AGENCY_X, question: 'q', answer: 'a' }, reads: EVERYONE },
  'dossierFacts/rules-acc-d1': { data: { agencyId: AGENCY_X, code: 'x', tags: [] }, reads: NOBODY },
  'evaluationSettings/current': { data: { source: 'x' }, reads: NOBODY },
};
const PATHS = Object.keys(DOCS);

beforeAll(async () => {
  const env = await rules.start();
  const task = { agencyId: AGENCY_X, feedbackId: 'rules-acc-fb', assigneeUids: [uidOf('leadX')], level: 1 };
  await seed(env, { ...Object.fromEntries(PATHS.map((p) => [p, DOCS[p]!.data])), 'feedbackTasks/rules-acc-task': task });
});

afterAll(async () => {
  await teardown(rules.current, [...PATHS, 'feedbackTasks/rules-acc-task']);
});

const cells = <T>(rows: readonly T[]) => ACTOR_NAMES.flatMap((actor) => rows.map((row) => [actor, row] as const));

describe('accountability documents', () => {
  it.each(cells(PATHS))('%s get %s', async (actor, path) => {
    await expectRule(getDoc(doc(db(actor), path)), DOCS[path]!.reads[actor]);
  });
  it.each(cells(PATHS))('%s may not update %s', async (actor, path) => {
    await expectRule(updateDoc(doc(db(actor), path), { received: 1000 }), false);
  });
  it.each(cells(PATHS))('%s may not delete %s', async (actor, path) => {
    await expectRule(deleteDoc(doc(db(actor), path)), false);
  });
  it.each(cells(['rollups', 'backlog', 'officerStats', 'feedbackAnswers', 'feedbackTasks', 'dossierFacts', 'evaluationSettings']))('%s may not create in %s', async (actor, c) => {
    await expectRule(setDoc(doc(db(actor), `${c}/rules-acc-new`), { agencyId: AGENCY_X, assigneeUids: [] }), false);
  });
  it.each(ACTOR_NAMES)('%s reads an escalation task only as its assignee', async (actor) => {
    await expectRule(getDoc(doc(db(actor), 'feedbackTasks/rules-acc-task')), actor === 'leadX');
  });
});

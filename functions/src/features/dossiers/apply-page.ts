// /nop-ho-so/<code> — applying online, sent with the wizard's first view already drawn for a citizen with a
// page session (the `__session` cookie, platform/page-session.ts): the offer to carry on their saved draft
// of this procedure, or the first question (where to submit, with the fees). On a cheap phone over slow 3G
// the page is then usable with its HTML, instead of after the wizard's script, the Auth SDK, the restored
// sign-in and three requests (issue 20, bench/citizen-page.ts). The views are the contract's
// (contract/views/apply-view.ts), which the page's script draws again once it runs; what the script would
// ask for first — the procedure (the API's own answer, getProcedure), the province's directory
// (listAgencies), the citizen's profile (getProfile, as that citizen) and their draft — is embedded so it
// does not ask again. Without a valid session step 1 is drawn for anyone, with nothing personal, and the
// script signs the citizen in after it, keeping the choice. A refused procedure: the page as built, the
// refusal embedded for the script to say. Personal data (the draft, the profile): never kept by any cache.
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { AgencyPage, ProcedureDetail, ProfileAnswer } from '../../contract/index.js';
import { agencyStepBody, applyIntroView, desksOffered, resumeDraftView, stepFrameView } from '../../contract/views/apply-view.js';
import { signedInAs } from '../../contract/views/phone-display.js';
import { escapeHtml, inVietnamese, toHtml } from '../../contract/views/node.js';
import { formatDateTime } from '../../contract/format.js';
import type { Caller } from '../../platform/auth.js';
import type { ApiRequest } from '../../platform/http-router.js';
import { pageCitizen } from '../../platform/page-session.js';
import { pageTemplate, replaceOnce, withAnswer, withData } from '../../platform/page-template.js';
import { answerFor, type PageAnswer, type PageReply } from '../../platform/serve-pages.js';

const PRIVATE = { 'Cache-Control': 'private, no-store' };

/** What the page asks other features for (wired in index.ts: a feature does not import another). */
export type ApplyPageDeps = {
  db: Firestore;
  now: () => Date;
  procedure: (req: ApiRequest) => Promise<{ status: number; body: unknown; headers?: Record<string, string> }>;
  agencies: (req: ApiRequest) => Promise<{ status: number; body: unknown }>;
  profile: (req: ApiRequest, caller: Caller) => Promise<{ status: number; body: unknown }>;
};

/** The draft as the page's script keeps it (hosting/src/nop-ho-so/draft-store.ts), its time as ISO text. */
export type EmbeddedDraft = Record<string, unknown> & { id: string; updatedAt: string | null };

/** What the script reads besides the procedure (`<script type="application/json" id="apply-data">`); no uid: drawn for anyone. */
export type ApplyData = { uid: string | null; agencies: AgencyPage['items']; profile: ProfileAnswer | null; draft: EmbeddedDraft | null };

/**
 * The answers of a step-1 form sent before the page's script ran (the browser puts them in the query; an
 * unanswered select comes as an empty value). Only a preselection: each is taken when it is one bounded
 * text and, for the desk, one offered for this procedure; anything else is simply not preselected and
 * the citizen chooses again (nothing is written from it).
 */
const AnsweredId = z.string().min(1).max(128);
const answeredId = (value: unknown): string | undefined => {
  const parsed = AnsweredId.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

async function draftOf(db: Firestore, uid: string, code: string): Promise<EmbeddedDraft | null> {
  const found = await db.collection('drafts').where('ownerUserId', '==', uid).where('procedureCode', '==', code).limit(1).get();
  const doc = found.docs[0];
  if (!doc) return null;
  const { ownerUserId: _owner, procedureCode: _code, createdAt: _created, updatedAt, ...content } = doc.data();
  const when = updatedAt as { toDate?: () => Date } | undefined;
  return { ...content, id: doc.id, updatedAt: typeof when?.toDate === 'function' ? when.toDate().toISOString() : null };
}

export async function applyPage(req: ApiRequest, deps: ApplyPageDeps): Promise<PageReply> {
  const code = String(req.params.code ?? '');
  // The page's own query (its step-1 answers, a shared link's tracking) is not the API's.
  const apiReq = { ...req, query: {} };
  const [citizen, procedure] = await Promise.all([pageCitizen(req), answerFor(() => deps.procedure(apiReq))]);
  const plain = withAnswer(pageTemplate('nop-ho-so'), { status: procedure.status, body: procedure.body });
  const detail = procedure.status === 200 ? (procedure.body as ProcedureDetail) : undefined;
  if (!detail || detail.receivingAgencies.length === 0) return { status: 200, headers: PRIVATE, html: plain };

  // The citizen as an ID token of the same sign-in would name them (the profile says how they signed in).
  const caller: Caller | undefined = citizen ? { role: 'citizen', userId: citizen.uid, ...citizen.session } : undefined;
  const [agencies, profile, draft] = await Promise.all([
    answerFor(() => deps.agencies(apiReq)),
    caller ? answerFor(() => deps.profile(apiReq, caller)).catch((): PageAnswer | undefined => undefined) : undefined,
    // A failed read must not offer a fresh start over a saved draft: then the script looks for it itself.
    citizen ? draftOf(deps.db, citizen.uid, code).catch(() => undefined) : null,
  ]);
  if (draft === undefined) return { status: 200, headers: PRIVATE, html: plain };
  // What the wizard reads of the directory (which desks, which agencies may be named competent): a
  // province's published officers and opening hours would only weigh on a slow link.
  const directory = agencies.status === 200 ? (agencies.body as AgencyPage).items.map(({ officers: _officers, workingHours: _hours, ...agency }) => ({ ...agency, officers: [] })) : [];
  const now = deps.now();
  const answered = { agency: answeredId(req.query.agency), competentAgencyId: answeredId(req.query.competentAgencyId) };
  const t = inVietnamese;

  let state: 'agency' | 'resume';
  let view: string;
  if (draft && answered.agency === undefined) {
    state = 'resume';
    view = toHtml(resumeDraftView(draft.updatedAt ? formatDateTime(draft.updatedAt) : '', t));
  } else {
    state = 'agency';
    const offered = desksOffered({ detail, directory, now });
    const own = detail.receivingAgencies;
    const receivingAgencyId = offered.some((a) => a.id === answered.agency) ? answered.agency : own.length === 1 ? own[0]!.id : undefined;
    const input = { detail, directory, receivingAgencyId, competentAgencyId: answered.competentAgencyId, now };
    view = toHtml(stepFrameView('agency', agencyStepBody(input, t), { back: false, returnToCheck: false }, t));
  }
  // Without a session the first question is the same for everyone; the sign-in comes when the script has
  // found no signed-in citizen, and keeps what was chosen.
  const intro = toHtml(applyIntroView(detail.procedure.name, code, citizen ? signedInAs(citizen) : undefined, t));
  const data: ApplyData = {
    uid: citizen?.uid ?? null,
    agencies: directory,
    profile: profile?.status === 200 ? (profile.body as ProfileAnswer) : null,
    draft,
  };
  const html = replaceOnce(
    withData(plain, 'apply-data', data),
    /<div id="app"([^>]*)>.*?<\/div>/s,
    (div) => `${div.slice(0, div.indexOf('>'))} data-state="${state}"${citizen ? ` data-uid="${escapeHtml(citizen.uid)}"` : ''}>${intro}${view}</div>`,
  );
  return { status: 200, headers: PRIVATE, html };
}

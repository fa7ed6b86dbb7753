// /danh-gia/<code>?t=<token> — the rating page opened from the receipt's QR, sent with its form (or its
// outcome) already drawn (issue 20): the lookup's own answer, printed with the contract's rating views,
// which the page's script draws again. The form works before that script has arrived: it posts itself
// here (application/x-www-form-urlencoded), the answers go through the API's own handler (same
// validation, rate limit and once-only request id), and the browser is sent back to the page
// (POST/redirect/GET, so a reload does not send again). Without a token the page is the owner's, signed
// in by the script: it is sent as built.
import { randomUUID } from 'node:crypto';
import type { LookupView } from '../../contract/index.js';
import { escapeHtml, inVietnamese, toHtml, type ViewChild } from '../../contract/views/node.js';
import { outcomeOfView, ratingFailureView, ratingForm, ratingHeader, ratingOutcomeView, ratingTitle, type RatingAnswers, type RatingOutcome } from '../../contract/views/rating-view.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { pageTemplate, replaceOnce, withAnswer } from '../../platform/page-template.js';
import { answerFor, refusalText, type PageReply } from '../../platform/serve-pages.js';

export type RatingPageDeps = {
  /** GET /api/lookup/:code's handler (features/lookup), wired in index.ts. */
  lookup: (req: ApiRequest) => Promise<Reply<'lookup'>>;
  /** POST /api/ratings' handler. */
  submit: (req: ApiRequest) => Promise<Reply<'postRating'>>;
};

const NO_STORE = { 'Cache-Control': 'no-store' };

const tokenOf = (req: ApiRequest): string | undefined => (typeof req.query.t === 'string' ? req.query.t : undefined);
const pageAddress = (code: string, token: string, sent = false) => `/danh-gia/${encodeURIComponent(code)}?t=${encodeURIComponent(token)}${sent ? '&da-gui=1' : ''}`;

function drawn(answer: { status: number; body: unknown } | undefined, state: string, ...content: ViewChild[]): string {
  const html = answer ? withAnswer(pageTemplate('danh-gia'), answer) : pageTemplate('danh-gia');
  return replaceOnce(html, /<div id="app"[^>]*>.*?<\/div>/s, () => `<div id="app" data-state="${escapeHtml(state)}">${content.map(toHtml).join('')}</div>`);
}

/** GET: the form, or why the dossier cannot be rated, drawn; the lookup's answer embedded for the script. */
export async function ratingPage(req: ApiRequest, deps: RatingPageDeps): Promise<PageReply> {
  const token = tokenOf(req);
  const code = req.params.code ?? '';
  if (token === undefined) return { status: 200, headers: NO_STORE, html: pageTemplate('danh-gia') };
  const answer = await answerFor(() => deps.lookup({ ...req, query: { t: token } }));
  const title = ratingTitle(inVietnamese);
  if (answer.status === 404) {
    return { status: 404, headers: NO_STORE, html: drawn(answer, 'notFound', title, ratingHeader(undefined, code, inVietnamese), ratingOutcomeView('notFound', inVietnamese)) };
  }
  if (answer.status !== 200) {
    const failure = { vi: refusalText(answer.body), en: refusalText(answer.body) };
    return { status: answer.status, headers: { ...answer.headers, ...NO_STORE }, html: drawn(answer, 'error', title, ratingFailureView(failure, inVietnamese)) };
  }
  const view = answer.body as LookupView;
  let outcome: RatingOutcome | undefined = outcomeOfView(view);
  if (outcome === 'alreadyRated' && req.query['da-gui'] === '1') outcome = 'thanks';
  const content = outcome
    ? [ratingHeader(view, code, inVietnamese), ratingOutcomeView(outcome, inVietnamese)]
    : [ratingHeader(view, code, inVietnamese), ratingForm({ comment: '' }, inVietnamese, { action: pageAddress(code, token), requestId: randomUUID() })];
  return { status: 200, headers: NO_STORE, html: drawn(answer, outcome ?? 'form', title, ...content) };
}

/** What the browser sent: strings when the form posted itself; anything else is left to the handler's validation. */
const field = (body: unknown, name: string): unknown => (body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined);

/** POST: the form posted by a browser without the page's script. */
export async function ratingPost(req: ApiRequest, deps: RatingPageDeps): Promise<PageReply> {
  const code = req.params.code ?? '';
  const token = tokenOf(req);
  const complaint = field(req.body, 'complaint');
  const comment = field(req.body, 'comment');
  const rating = {
    requestId: field(req.body, 'requestId'),
    code,
    ...(token !== undefined ? { token } : {}),
    channel: 'online',
    satisfaction: field(req.body, 'satisfaction'),
    officerAttitudeComplaint: complaint === 'yes' ? true : complaint === 'no' ? false : complaint,
    ...(typeof comment === 'string' && comment.trim() === '' ? {} : { comment: typeof comment === 'string' ? comment.trim() : comment }),
  };
  const answer = await answerFor(() => deps.submit({ ...req, query: {}, body: rating }));
  const reason = (answer.body as { error?: { reason?: string } }).error?.reason;
  // Sent, or refused for a reason the page itself shows (already rated, not yet returned, no such dossier): back to it.
  if (token !== undefined && (answer.status < 300 || reason === 'alreadyRated' || reason === 'notRateable' || answer.status === 404)) {
    const location = pageAddress(code, token, answer.status < 300);
    return { status: 303, headers: { ...NO_STORE, Location: location }, html: `<!doctype html><meta charset="utf-8"><a href="${escapeHtml(location)}">Tiếp tục / Continue</a>` };
  }
  // Refused answers (a missing choice, a rate limit): the form again, with what was chosen and why.
  const fields = (answer.body as { error?: { fields?: { message: { vi: string; en: string } }[] } }).error?.fields ?? [];
  const why = fields.length > 0 ? { vi: fields.map((f) => f.message.vi).join('; '), en: fields.map((f) => f.message.en).join('; ') } : { vi: refusalText(answer.body), en: refusalText(answer.body) };
  const satisfaction = field(req.body, 'satisfaction');
  const kept: RatingAnswers = {
    ...(typeof satisfaction === 'string' ? { satisfaction: satisfaction as RatingAnswers['satisfaction'] } : {}),
    ...(complaint === 'yes' || complaint === 'no' ? { complaint: complaint === 'yes' } : {}),
    comment: typeof comment === 'string' ? comment : '',
  };
  const requestId = field(req.body, 'requestId');
  const form = ratingForm(kept, inVietnamese, { action: pageAddress(code, token ?? ''), requestId: typeof requestId === 'string' ? requestId : randomUUID() }, why);
  return { status: answer.status, headers: { ...answer.headers, ...NO_STORE }, html: drawn(undefined, 'form', ratingTitle(inVietnamese), ratingHeader(undefined, code, inVietnamese), form) };
}

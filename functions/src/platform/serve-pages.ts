// The citizen pages the server sends with their first view drawn (issue 20): Hosting rewrites their
// addresses to the `api` function (firebase.json), which answers them here before its API router; each
// page is rendered by its feature (e.g. features/lookup/lookup-page.ts) and wired in index.ts. They share the
// api function, rather than a function of their own, so that the citizen's first page and the page's
// later API calls keep one instance warm (a province's traffic is light; cold starts are the cost).
import type { Response } from 'express';
import type { Request } from 'firebase-functions/v2/https';
import { escapeHtml } from '../contract/views/node.js';
import { ApiError } from './api-error.js';
import type { ApiRequest } from './http-router.js';
import { assertWithinBounds } from './input-bounds.js';
import { logs } from './logs.js';

/** A page as sent: its status, headers (its caching above all) and HTML. */
export type PageReply = { status: number; headers: Record<string, string>; html: string };

/** An API handler's answer as a page embeds it: its refusal (an ApiError thrown) included. */
export type PageAnswer = { status: number; body: unknown; headers: Record<string, string> };

/** Runs the API handler a page draws from; only unexpected errors propagate (a 500 page). */
export async function answerFor(
  run: () => Promise<{ status: number; body: unknown; headers?: Record<string, string> }>,
): Promise<PageAnswer> {
  try {
    const reply = await run();
    return { status: reply.status, body: reply.body, headers: reply.headers ?? {} };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const retryAfter = err.details.retryAfterSeconds;
    return {
      status: err.status,
      body: err.toBody(),
      headers: typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : {},
    };
  }
}

/** The Vietnamese message of a refusal body, for the page's first view (the script shows it in the reader's language). */
export const refusalText = (body: unknown): string =>
  (body as { error?: { message?: { vi?: string } } }).error?.message?.vi ??
  'Lỗi hệ thống, vui lòng thử lại sau.';

/** An address (named groups become the request's params) and what draws the page there. */
export type Page = {
  pattern: RegExp;
  render: (req: ApiRequest) => Promise<PageReply>;
  /** A form the page posts to its own address (before the page's script has arrived to send it as JSON). */
  post?: (req: ApiRequest) => Promise<PageReply>;
};

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // not valid percent-encoding: the page's own validation refuses it
  }
}

/** Answers the page addresses above; everything else goes to `next` (the API router). */
export function servePages(pages: Page[], next: (req: Request, res: Response) => Promise<void>): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const reading = req.method === 'GET' || req.method === 'HEAD';
    const page = reading || req.method === 'POST' ? pages.find((p) => p.pattern.test(req.path) && (reading || p.post !== undefined)) : undefined;
    if (!page) return next(req, res);
    const params = Object.fromEntries(Object.entries(page.pattern.exec(req.path)!.groups ?? {}).map(([k, v]) => [k, decoded(v)]));
    try {
      const asked: ApiRequest = {
        method: reading ? 'GET' : 'POST',
        path: req.path,
        params,
        body: reading ? undefined : (req.body as unknown),
        query: req.query as Record<string, unknown>,
        header: (name) => req.get(name) ?? undefined,
        ...(req.ip ? { ip: req.ip } : {}),
      };
      // Bounded like every API input, before any page sees it (a refusal is an ApiError: a 400 page).
      assertWithinBounds(asked.query, 'query');
      if (!reading) assertWithinBounds(asked.body, '');
      const reply = await (reading ? page.render(asked) : page.post!(asked));
      for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
      res.status(reply.status).type('html').send(reply.html);
    } catch (err) {
      if (err instanceof ApiError) {
        const { vi, en } = err.bilingual;
        res.status(err.status).type('html').send(`<!doctype html><html lang="vi"><meta charset="utf-8"><title>${escapeHtml(vi)}</title><p>${escapeHtml(vi)} / ${escapeHtml(en)}</p></html>`);
        return;
      }
      logs.unexpectedError(req.path, err);
      res.status(500).type('html').send('<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lỗi hệ thống</title><p>Lỗi hệ thống, vui lòng thử lại sau. / Internal error, please try again later.</p></html>');
    }
  };
}

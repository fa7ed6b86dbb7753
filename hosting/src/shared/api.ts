// Calls the `api` function through Hosting's /api rewrite (same origin: no CORS, works on slow links), by
// route name through the contract's typed client: a page cannot call a route the server does not have or
// read a field the server does not send without failing the typecheck.
import {
  answerOf,
  ApiCallError,
  callRoute,
  ROUTES,
  urlOf,
  requestRoute,
  type Answer,
  type ApiErrorBody,
  type Bilingual,
  type CallInput,
  type JsonRoute,
  type RawRoute,
} from '../../../functions/src/contract/index.js';

export { ApiCallError, type ApiErrorBody, type Bilingual };

/**
 * Requests the page's inline script (hosting/inline/early-fetch.js, see vite.config.ts) started before any
 * module loaded, by absolute URL. Each is handed out once: a later call of the same URL asks again.
 */
const early: Record<string, Promise<Response> | undefined> = (globalThis as { __motcuaEarly?: Record<string, Promise<Response>> }).__motcuaEarly ?? {};

/** A JSON route's answer; a refusal throws ApiCallError with the server's bilingual message. */
export function api<R extends JsonRoute>(route: R, input: CallInput<R>, token?: string): Promise<Answer<R>> {
  if (!token && ROUTES[route].method === 'GET') {
    // (globalThis: this module is also typechecked with the tests, which have no DOM typings.)
    const url = new URL(urlOf(route, input), (globalThis as unknown as { location: { href: string } }).location.href).href;
    const started = early[url];
    if (started) {
      early[url] = undefined;
      // A network failure of the early request is retried as an ordinary call; an answer, even a refusal, is the answer.
      return started.then((res) => answerOf<R>(res), () => callRoute(route, input));
    }
  }
  return callRoute(route, input, token ? { token } : {});
}

/** A route that answers bytes (a slip, an uploaded file), as a blob; a refusal throws ApiCallError. */
export async function apiBlob<R extends RawRoute>(route: R, input: CallInput<R>, token?: string): Promise<Blob> {
  const res = await requestRoute(route, input, { ...(token ? { token } : {}), timeoutMs: 60_000 });
  if (res.ok) return res.blob();
  const text = await res.text();
  let body: ApiErrorBody | undefined;
  try {
    body = text ? (JSON.parse(text) as ApiErrorBody) : undefined;
  } catch {
    body = undefined; // an HTML error page from a proxy
  }
  throw new ApiCallError(res.status, body?.error ? body : undefined);
}

export function describeError(err: unknown): Bilingual {
  if (err instanceof ApiCallError && err.body) return err.body.error.message;
  if (err instanceof DOMException && (err.name === 'AbortError' || err.name === 'TimeoutError')) {
    return { vi: 'Máy chủ không phản hồi, vui lòng thử lại.', en: 'The server did not answer; please try again.' };
  }
  return { vi: 'Không kết nối được máy chủ.', en: 'Could not reach the server.' };
}

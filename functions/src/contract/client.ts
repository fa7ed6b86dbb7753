// The typed way to call the API, shared by the pages (same origin, under /api) and the tests (the Hosting
// emulator's address). `requestRoute` gives the raw Response; `callRoute` parses a JSON answer and throws
// ApiCallError with the structured error body on any non-2xx status.
import type { Answer, Body, JsonRoute, Query } from './api.js';
import type { ApiErrorBody } from './errors.js';
import { pathOf, ROUTES, type RouteName, type RouteParams } from './routes.js';

export type CallOptions = {
  /** Where the API lives: `/api` (the default) in pages, `http://127.0.0.1:5000/api` in tests. */
  baseUrl?: string;
  /** A Firebase ID token, sent as `Authorization: Bearer …`. */
  token?: string;
  headers?: Record<string, string>;
  /** Abort after this long (default 15 s): a citizen on a slow link is told rather than left waiting. */
  timeoutMs?: number;
};

type ParamsInput<R extends RouteName> = keyof RouteParams<R> extends never ? { params?: Record<never, never> } : { params: RouteParams<R> };
type BodyInput<R extends RouteName> = [Body<R>] extends [never] ? { body?: undefined } : { body: Body<R> };
export type CallInput<R extends RouteName> = ParamsInput<R> & BodyInput<R> & { query?: Query<R> };

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | undefined,
  ) {
    super(body?.error.message.en ?? `HTTP ${status}`);
    this.name = 'ApiCallError';
  }
}

export function urlOf<R extends RouteName>(route: R, input: CallInput<R>, baseUrl = '/api'): string {
  const path = pathOf(route, (input.params ?? {}) as RouteParams<R>);
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries((input.query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null) query.set(key, String(value));
  }
  const search = query.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

/** One request to a route; the Response whatever its status (tests read error answers this way). */
export async function requestRoute<R extends RouteName>(route: R, input: CallInput<R>, options: CallOptions = {}): Promise<Response> {
  const { method } = ROUTES[route];
  const body = input.body as unknown;
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...options.headers,
  };
  const signal = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  const init: RequestInit = { method, headers, signal };
  if (body !== undefined) init.body = isForm ? (body as FormData) : JSON.stringify(body);
  return fetch(urlOf(route, input, options.baseUrl), init);
}

/** Calls a JSON route and returns its answer; a non-2xx status throws ApiCallError with the error body. */
export async function callRoute<R extends JsonRoute>(route: R, input: CallInput<R>, options: CallOptions = {}): Promise<Answer<R>> {
  return answerOf<R>(await requestRoute(route, input, options));
}

/** A JSON route's answer read from its Response (one fetched by callRoute, or started earlier by the page). */
export async function answerOf<R extends JsonRoute>(res: Response): Promise<Answer<R>> {
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined; // not JSON: an HTML error page from a proxy
  }
  if (!res.ok) throw new ApiCallError(res.status, isErrorBody(parsed) ? parsed : undefined);
  return parsed as Answer<R>;
}

export function isErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'object' && error.message !== null;
}

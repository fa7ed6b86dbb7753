// A small router for the single `api` HTTPS function. Hosting rewrites /api/** to it, so paths arrive
// either as /api/x (through Hosting) or /x (direct function URL); both are served the same.
// Routes come from the contract (contract/routes.ts) and each handler's answer is checked against the
// contract's answer type for its route at compile time (`Reply`).
import type { Request } from 'firebase-functions/v2/https';
import type { Response } from 'express';
import type { Answer, ApiErrorBody, Encodes, HttpMethod, Raw, RouteName } from '../contract/index.js';
import { ROUTES } from '../contract/routes.js';
import { ApiError } from './api-error.js';
import { assertWithinBounds } from './input-bounds.js';
import { logs } from './logs.js';
import { countInvocations, nameInvocation } from './op-counter.js';

export type { HttpMethod };

export type ApiRequest = {
  method: HttpMethod;
  path: string;
  /** Values of the `:name` segments of the route's path. */
  params: Record<string, string>;
  /** The raw body (multipart uploads parse it themselves). */
  rawBody?: Buffer;
  body: unknown;
  query: Record<string, unknown>;
  header: (name: string) => string | undefined;
  /** The peer address as the platform sees it (behind Hosting: a proxy); see X-Forwarded-For. */
  ip?: string;
};

export type ApiResult = {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Bytes to send as they are instead of `body` as JSON (file downloads). */
  raw?: { bytes: Buffer; contentType: string };
};

/** What a handler of route `R` returns: the contract's answer (Dates allowed where the wire has ISO strings), or bytes for raw routes. */
export type Reply<R extends RouteName> = Answer<R> extends Raw
  ? { status: number; headers?: Record<string, string>; body: null; raw: { bytes: Buffer; contentType: string } }
  : { status: number; headers?: Record<string, string>; body: Encodes<Answer<R>> | ApiErrorBody; raw?: undefined };

/** One handler per route of the contract: a route left unwired, or an answer off the contract, fails the typecheck. */
export type Handlers = { [R in RouteName]: (req: ApiRequest) => Promise<Reply<R>> };

type Route = { method: HttpMethod; path: string; handle: (req: ApiRequest) => Promise<ApiResult> };

export function normalisePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '') || '/';
  return trimmed === '/api' ? '/' : trimmed.replace(/^\/api(?=\/)/, '');
}

/** The params of `path` under the route pattern, or undefined when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const value = got[i]!;
    if (segment.startsWith(':')) {
      if (value === '') return undefined;
      try {
        params[segment.slice(1)] = decodeURIComponent(value);
      } catch {
        return undefined; // malformed percent-encoding: no such resource
      }
    } else if (segment !== value) return undefined;
  }
  return params;
}

export function createRouter(handlers: Handlers) {
  const routes: (Route & { name: RouteName })[] = (Object.keys(ROUTES) as RouteName[]).map((name) => ({
    ...ROUTES[name],
    name,
    handle: handlers[name] as (req: ApiRequest) => Promise<ApiResult>,
  }));
  // countInvocations is the handler itself unless the cost bench meters this run (docs/COST.md).
  return countInvocations(async (req: Request, res: Response): Promise<void> => {
    const path = normalisePath(req.path);
    try {
      const sameRoute = routes.map((r) => ({ r, params: matchPath(r.path, path) })).filter((m) => m.params !== undefined);
      if (sameRoute.length === 0) {
        throw new ApiError('not-found', { vi: 'Không có địa chỉ này.', en: 'No such endpoint.' });
      }
      const matched = sameRoute.find((m) => m.r.method === req.method);
      if (!matched) {
        res.setHeader('Allow', sameRoute.map((m) => m.r.method).join(', '));
        throw new ApiError('method-not-allowed', {
          vi: 'Phương thức không được hỗ trợ.',
          en: 'Method not allowed.',
        });
      }
      const route = matched.r;
      nameInvocation(route.name);
      // Before any work: every handler, schema and fingerprint after this point sees bounded input.
      assertWithinBounds(req.body, '');
      assertWithinBounds(req.query, 'query');
      const result = await route.handle({
        method: route.method,
        path,
        params: matched.params!,
        rawBody: req.rawBody,
        body: req.body as unknown,
        query: req.query as Record<string, unknown>,
        header: (name) => req.get(name) ?? undefined,
        ...(req.ip ? { ip: req.ip } : {}),
      });
      for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
      if (result.raw) res.status(result.status).type(result.raw.contentType).end(result.raw.bytes);
      else res.status(result.status).json(result.body);
    } catch (err) {
      if (err instanceof ApiError) {
        logs.requestRejected(path, err.code, err.status);
        // A refusal that ends (a quota, a rate limit) says when, as HTTP clients expect it.
        const retryAfter = err.details.retryAfterSeconds;
        if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
        res.status(err.status).json(err.toBody());
        return;
      }
      logs.unexpectedError(path, err);
      const internal = new ApiError('internal', {
        vi: 'Lỗi hệ thống, vui lòng thử lại sau.',
        en: 'Internal error, please try again later.',
      });
      res.status(internal.status).json(internal.toBody());
    }
  });
}

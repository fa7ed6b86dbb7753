// A small router for the single `api` HTTPS function. Hosting rewrites /api/** to it, so paths arrive
// either as /api/x (through Hosting) or /x (direct function URL); both are served the same.
import type { Request } from 'firebase-functions/v2/https';
import type { Response } from 'express';
import { ApiError } from './api-error.js';
import { logs } from './logs.js';

export type HttpMethod = 'GET' | 'POST';

export type ApiRequest = {
  method: HttpMethod;
  path: string;
  body: unknown;
  query: Record<string, unknown>;
  header: (name: string) => string | undefined;
};

export type ApiResult = { status: number; body: unknown; headers?: Record<string, string> };

export type Route = {
  method: HttpMethod;
  path: string;
  handle: (req: ApiRequest) => Promise<ApiResult>;
};

export function normalisePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '') || '/';
  return trimmed === '/api' ? '/' : trimmed.replace(/^\/api(?=\/)/, '');
}

export function createRouter(routes: Route[]) {
  return async (req: Request, res: Response): Promise<void> => {
    const path = normalisePath(req.path);
    try {
      const sameRoute = routes.filter((r) => r.path === path);
      if (sameRoute.length === 0) {
        throw new ApiError('not-found', { vi: 'Không có địa chỉ này.', en: 'No such endpoint.' });
      }
      const route = sameRoute.find((r) => r.method === req.method);
      if (!route) {
        res.setHeader('Allow', sameRoute.map((r) => r.method).join(', '));
        throw new ApiError('method-not-allowed', {
          vi: 'Phương thức không được hỗ trợ.',
          en: 'Method not allowed.',
        });
      }
      const result = await route.handle({
        method: route.method,
        path,
        body: req.body as unknown,
        query: req.query as Record<string, unknown>,
        header: (name) => req.get(name) ?? undefined,
      });
      for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
      res.status(result.status).json(result.body);
    } catch (err) {
      if (err instanceof ApiError) {
        logs.requestRejected(path, err.code, err.status);
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
  };
}

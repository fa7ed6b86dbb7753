// Calls the `api` function through Hosting's /api rewrite (same origin: no CORS, works on slow links).
export type Bilingual = { vi: string; en: string };
/**
 * Every refusal (docs/API.md). A refused lifecycle action or rating also says why (`reason`:
 * `staleVersion`, `alreadyRated`, `notRateable`…) and, for a lifecycle action, the dossier's status now.
 */
export type ApiErrorBody = {
  error: { code: string; message: Bilingual; fields: { path: string; message: Bilingual }[]; reason?: string; currentStatus?: string };
};

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | undefined,
  ) {
    super(body?.error.message.en ?? `HTTP ${status}`);
  }
}

export async function callApi<T>(path: string, init: RequestInit = {}, timeoutMs = 15_000): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(`/api${path}`, { ...init, signal: controller.signal, headers: { accept: 'application/json', ...init.headers } });
    const text = await res.text();
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok) throw new ApiCallError(res.status, body as ApiErrorBody | undefined);
    return body as T;
  } finally {
    clearTimeout(timer);
  }
}

export function describeError(err: unknown): Bilingual {
  if (err instanceof ApiCallError && err.body) return err.body.error.message;
  if (err instanceof DOMException && err.name === 'AbortError') {
    return { vi: 'Máy chủ không phản hồi, vui lòng thử lại.', en: 'The server did not answer; please try again.' };
  }
  return { vi: 'Không kết nối được máy chủ.', en: 'Could not reach the server.' };
}

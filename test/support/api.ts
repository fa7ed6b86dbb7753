// The one way emulator and browser tests call the API through Hosting, on top of the contract's client
// (functions/src/contract/client.ts): routes by name, bodies and answers typed from the contract, so a
// renamed route or a changed answer fails the typecheck of the tests instead of a run.
//
//   api(route, input, as)       a JSON route; the answer whatever its status (`body.error` on a refusal)
//   download(route, input, as)  a route answering bytes (a slip, a register, an uploaded file)
//   upload(as, parts)           POST /api/uploads with multipart parts, as a FormData
//   call / postBytes            untyped, for malformed requests only (fuzz, wrong shapes, raw paths)
//
// and the lifecycle helpers built on them: a land-renewal dossier submitted and driven through its steps.
import { expect } from 'vitest';
import {
  requestRoute,
  type ActOnDossierBody,
  type Answer,
  type ApiErrorBody,
  type CallInput,
  type FullView,
  type HttpMethod,
  type JsonRoute,
  type LookupView,
  type RawRoute,
  type SubmitDossierBody,
  type TransitionAnswer,
  type UploadedFile,
} from '../../functions/src/contract/index.js';
import type { ApplicantInput } from '../../functions/src/domain/applicant/applicant.js';
import { minimalPdf, type Part } from '../fixtures/files.js';
import { HOSTING_URL } from './emulators.js';
import { IDENTITIES, idTokenFor, type TestIdentity } from './identity.js';

export const API_URL = `${HOSTING_URL}/api`;

/** Who calls: a test identity (its ID token comes from the Auth emulator), or an ID token as it is. */
export type Caller = TestIdentity | { idToken: string };

/**
 * A JSON route's answer, whatever its status. `body` is typed as the route's answer and may carry the
 * error of a refusal, so a test reads `body.dossier.version` after checking a 2xx and `body.error?.code`
 * after checking a 4xx, without casts. `text` is the body as sent (for leak checks and failure messages).
 */
export type Reply<R extends JsonRoute> = { status: number; headers: Headers; text: string; body: Answer<R> & Partial<ApiErrorBody> };

/** What a malformed request gets back: the error body if it is one (`body` is `{}` otherwise), and the text. */
export type RawReply = { status: number; headers: Headers; text: string; body: Partial<ApiErrorBody> };

/** A bytes route's answer: the bytes and their type, or the error body of a refusal. */
export type BytesReply = { status: number; headers: Headers; contentType: string | null; bytes: Buffer; body: Partial<ApiErrorBody> };

// Generous: a cold functions worker on a loaded two-core machine can take many seconds to answer.
const TIMEOUT_MS = 60_000;

let seq = 0;
/** A fresh requestId (8–64 of A–Z a–z 0–9 _ -). */
export const rid = (label: string) => `${label}-${Date.now().toString(36)}-${(seq++).toString(36)}`.slice(0, 64);

async function tokenOf(as: Caller | undefined): Promise<string | undefined> {
  if (as === undefined) return undefined;
  return 'idToken' in as ? as.idToken : idTokenFor(as);
}

function parse(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined; // not JSON: a PDF, or Hosting's own HTML page
  }
}

function errorBody(value: unknown): Partial<ApiErrorBody> {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null | undefined)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'object' && error.message !== null ? (value as ApiErrorBody) : {};
}

/** Calls a JSON route by name as `as` (anonymous without it); `headers` adds to the request's. */
export async function api<R extends JsonRoute>(route: R, input: CallInput<R>, as?: Caller, headers: Record<string, string> = {}): Promise<Reply<R>> {
  const token = await tokenOf(as);
  const res = await requestRoute(route, input, { baseUrl: API_URL, headers, timeoutMs: TIMEOUT_MS, ...(token ? { token } : {}) });
  const text = await res.text();
  // The contract's answer type for the route; on a refusal the error body, which the type also allows.
  const body = (parse(text) ?? {}) as Answer<R> & Partial<ApiErrorBody>;
  return { status: res.status, headers: res.headers, text, body };
}

/** Calls a route that answers bytes (PDF slips and registers, uploaded files). */
export async function download<R extends RawRoute>(route: R, input: CallInput<R>, as?: Caller): Promise<BytesReply> {
  const token = await tokenOf(as);
  const res = await requestRoute(route, input, { baseUrl: API_URL, timeoutMs: TIMEOUT_MS, ...(token ? { token } : {}) });
  const bytes = Buffer.from(await res.arrayBuffer());
  const contentType = res.headers.get('content-type');
  const body = contentType?.startsWith('application/json') ? errorBody(parse(bytes.toString('utf8'))) : {};
  return { status: res.status, headers: res.headers, contentType, bytes, body };
}

/** POST /api/uploads with the given parts (files and fields) as a FormData, the way the pages send them. */
export async function upload(as: Caller | undefined, parts: Part[]): Promise<Reply<'postUploads'>> {
  const form = new FormData();
  for (const part of parts) {
    if ('value' in part) form.append(part.name, part.value);
    else if (part.rawDisposition !== undefined) throw new Error('a raw Content-Disposition needs postBytes with a hand-built body');
    else form.append(part.name, new Blob([new Uint8Array(part.bytes)], { type: part.contentType ?? 'application/octet-stream' }), part.fileName);
  }
  return api('postUploads', { body: form }, as);
}

/** Uploads one small PDF as `as` and returns what the server recorded (the upload must succeed). */
export async function uploadPdf(as: Caller, fileName: string): Promise<UploadedFile> {
  const res = await upload(as, [{ name: 'file', fileName, contentType: 'application/pdf', bytes: minimalPdf() }]);
  expect(res.status, res.text).toBe(201);
  const [uploaded] = res.body.uploads;
  if (!uploaded) throw new Error(`no upload in ${res.text}`);
  return uploaded;
}

/**
 * For malformed requests only (fuzz, wrong shapes, bad values of the wrong type, raw paths such as
 * `/api/not-a-route`): any method, path and JSON body, untyped. Everything else goes through `api`.
 */
export async function call(method: HttpMethod, path: string, as?: Caller, body?: unknown, headers: Record<string, string> = {}): Promise<RawReply> {
  return send(method, path, as, body === undefined ? undefined : JSON.stringify(body), { 'content-type': 'application/json', ...headers });
}

/** For malformed requests only: a POST of bytes as they are, with the content type given (broken multipart, say). */
export async function postBytes(path: string, as: Caller | undefined, bytes: Buffer | string, contentType: string): Promise<RawReply> {
  return send('POST', path, as, bytes, { 'content-type': contentType });
}

async function send(method: HttpMethod, path: string, as: Caller | undefined, body: Buffer | string | undefined, headers: Record<string, string>): Promise<RawReply> {
  const token = await tokenOf(as);
  const res = await fetch(`${API_URL}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    signal: AbortSignal.timeout(TIMEOUT_MS),
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: errorBody(parse(text)) };
}

/** The lookup's full view (with the receipt's token); fails the test on the basic one. */
export function fullView(view: LookupView): FullView {
  if (view.view !== 'full') throw new Error(`expected the full lookup view, got ${JSON.stringify(view)}`);
  return view;
}

export const PROVINCE_DESK = '000.00.01.H99';

export const APPLICANT = {
  kind: 'person',
  fullName: 'Nguyễn Thị Hoà',
  identity: { kind: 'citizenId', number: '001190012345' },
  phone: '0912345678',
  email: 'hoa.nguyen@example.vn',
  address: { line: 'Số 12 đường Lê Lợi', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' },
} satisfies ApplicantInput;

/** Land-use certificate renewal (1.012792), received at the province service centre. */
export function landRenewal(requestId: string, applicant: ApplicantInput = APPLICANT): SubmitDossierBody {
  return {
    requestId,
    procedureCode: '1.012792',
    receivingAgencyId: PROVINCE_DESK,
    applicant,
    components: [
      { componentId: 'renewal-application', originals: 1 },
      { componentId: 'certificate', originals: 1 },
    ],
    resultDelivery: 'desk',
  };
}

export type DossierRef = { id: string; code: string; version: number };
/** An action as a client sends it (contract: ActOnDossierBody). */
export type Action = ActOnDossierBody['action'];

/** Where a driven dossier is handed in and who works on it there. */
export type Desk = { application: (requestId: string) => SubmitDossierBody; receptionist: TestIdentity; lead: TestIdentity };

/** The province service centre with the land renewal, worked by the standard test officers. */
export const PROVINCE_CENTRE: Desk = { application: landRenewal, receptionist: IDENTITIES.receptionistX, lead: IDENTITIES.leadX };

/**
 * The dossier answer of a submission or a walk-in: 201 with the numbered dossier, or 200 for a retry. A 202
 * (code still being assigned, ADR 0012) fails here with the answer's text: tests submit one at a time, and
 * the handler waits for its code far longer than a single submission takes.
 */
export function numbered(res: Reply<'submitDossier'> | Reply<'intakeDossier'>): TransitionAnswer {
  const body = res.body;
  if (!('dossier' in body)) throw new Error(`a submission answered without its dossier (${res.status}): ${res.text}`);
  return body;
}

/** Submits an application online as `as` (the submission must succeed). */
export async function submit(body: SubmitDossierBody, as: Caller = IDENTITIES.citizenA): Promise<DossierRef> {
  const res = await api('submitDossier', { body }, as);
  expect(res.status, res.text).toBe(201);
  const { id, code, version } = numbered(res).dossier;
  if (code === undefined) throw new Error(`a submitted dossier without a code: ${res.text}`);
  return { id, code, version };
}

/** Submits the desk's application as `as`. */
export async function submitDossier(as: Caller = IDENTITIES.citizenA, desk: Desk = PROVINCE_CENTRE): Promise<DossierRef> {
  return submit(desk.application(rid('submit')), as);
}

/** Sends one action at the version the caller saw; the answer whatever its status. */
export async function tryAct(d: Pick<DossierRef, 'id' | 'version'>, as: Caller, action: Action, requestId = rid('act')): Promise<Reply<'actOnDossier'>> {
  return api('actOnDossier', { params: { dossierId: d.id }, body: { requestId, expectedVersion: d.version, action } }, as);
}

/** Applies one action and returns the new version (the action must succeed). */
export async function act<D extends Pick<DossierRef, 'id' | 'version'>>(d: D, as: Caller, action: Action, requestId?: string): Promise<D> {
  const res = await tryAct(d, as, action, requestId);
  expect(res.status, `${JSON.stringify(action)} → ${res.text}`).toBe(200);
  return { ...d, version: res.body.dossier.version };
}

export type DrivePlan = {
  /** Supplement rounds asked at reception before receiving (each answered by the applicant). */
  supplementRounds?: number;
  /** Stop after this step. */
  until?: 'submitted' | 'received' | 'resolved' | 'returned';
  desk?: Desk;
};

/** Submits a dossier and drives it through the lifecycle with the standard test identities. */
export async function driveDossier(plan: DrivePlan = {}): Promise<DossierRef> {
  const desk = plan.desk ?? PROVINCE_CENTRE;
  let d = await submitDossier(IDENTITIES.citizenA, desk);
  if (plan.until === 'submitted') return d;
  // Decree 118 allows one supplement request (Art. 19.5; the procedures in force pin it).
  if ((plan.supplementRounds ?? 0) > 1) throw new Error('Decree 118 allows one supplement round: supplementRounds is 0 or 1');
  // The item names a component the desk's application hands in (the answer is filed under it).
  const asked = desk.application(rid('probe')).components.at(-1)!.componentId;
  for (let i = 0; i < (plan.supplementRounds ?? 0); i++) {
    d = await act(d, desk.receptionist, {
      type: 'requestSupplement',
      items: [{ componentId: asked, name: 'Bản sao giấy chứng nhận', problem: 'Ảnh chụp bị mờ, không đọc được số thửa' }],
      reason: 'Thành phần hồ sơ chưa đọc được',
      guidance: 'Nộp lại bản chụp rõ nét',
    });
    d = await act(d, IDENTITIES.citizenA, { type: 'submitSupplement' });
  }
  d = await act(d, desk.receptionist, { type: 'receive' });
  if (plan.until === 'received') return d;
  d = await act(d, desk.lead, { type: 'assign', handlerId: 'handler-at-desk' });
  d = await act(d, desk.lead, { type: 'resolve', outcome: 'approved', summary: 'Đồng ý' });
  if (plan.until === 'resolved') return d;
  return act(d, desk.receptionist, { type: 'returnResult', via: 'desk' });
}

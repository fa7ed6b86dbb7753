// A local stand-in for the national public service portal (DVCQG) and for the payment gateway, so that
// development and tests run the real adapters end to end (docs/SYNC.md). `npm start` and the emulator tests
// start it on 127.0.0.1:5090; functions/.env.local points the functions at it. Only for development and
// tests: it listens on 127.0.0.1 and trusts whoever calls its control routes.
//
// As the portal, it speaks the sync adapter's wire format (features/portal-sync/portal-http.ts):
//   POST /dvcqg/DongBoHoSoMC | /dvcqg/CapNhatTienDoHoSoMC   Bearer PORTAL_API_KEY, Idempotency-Key, JSON body
// records what it receives (in memory, and as JSON lines in `dir` when given), answers
// `{ error_code: 0 }`, recognises a replayed Idempotency-Key, and fails on demand. It also files dossiers
// submitted "on the portal" to POST /api/portal/dossiers, signed with PORTAL_INBOUND_SECRET.
// As the gateway (VNPAY's protocol, HMAC-SHA512 written here independently of the `vnpay` package the
// functions use), it shows a payment page for a signed redirect, then sends the signed server-to-server
// notification (IPN) and sends the browser back; as the collecting bank, it turns a scanned VietQR into a
// transfer notice through the same notification.
// Control routes (JSON): GET /_stand-in/messages?maHoSo=&service=, GET /_stand-in/stats,
// POST /_stand-in/fail { mode, count?, delayMs?, maHoSo? }, POST /_stand-in/reset, POST /_stand-in/file { filing? },
// POST /_stand-in/bank/transfer { payload }, GET /_stand-in/payments.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { QRPay } from 'vietnam-qr-pay';
import { devSecret, ROOT } from './emulator-env.js';

export const PORTAL_STAND_IN_PORT = 5090;

export type FailMode = 'ok' | 'down' | 'error' | 'refuse' | 'unauthorized' | 'slow';
export type ReceivedMessage = { seq: number; service: string; key: string | null; maHoSo: string | null; version: number | null; body: Record<string, unknown>; at: string; replay: boolean };
export type PaymentExchange = { at: string; kind: 'gateway' | 'bankTransfer' | 'cancel'; params: Record<string, string>; status: number; answer: unknown };

export type StandInOptions = {
  port?: number;
  dir?: string;
  /** Where the functions' API is (through Hosting): filings and payment notifications go there. */
  apiBase: string;
  apiKey: string;
  inboundSecret: string;
  hashSecret: string;
  tmnCode: string;
};

export type PortalStandIn = { port: number; url: string; messages: ReceivedMessage[]; payments: PaymentExchange[]; close: () => Promise<void> };

const SERVICES = new Set(['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']);

// ---- the gateway's signature, as the gateway computes it -------------------------------------------------
/**
 * VNPAY 2.1.0: every vnp_ parameter but the hash itself, sorted by name, as a form query string
 * (application/x-www-form-urlencoded, spaces as +), HMAC-SHA512 with the hash secret, hex.
 */
export function vnpSignature(params: Readonly<Record<string, string>>, secret: string): string {
  const keys = Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && params[k] !== '')
    .sort();
  const data = new URLSearchParams(keys.map((k): [string, string] => [k, params[k]!])).toString();
  return createHmac('sha512', secret).update(data, 'utf8').digest('hex');
}

export function signVnp(params: Readonly<Record<string, string>>, secret: string): Record<string, string> {
  return { ...params, vnp_SecureHash: vnpSignature(params, secret) };
}

function vnpVerified(params: Readonly<Record<string, string>>, secret: string): boolean {
  const given = params.vnp_SecureHash ?? '';
  const expected = vnpSignature(params, secret);
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

// ---- the portal's signature over a filing ----------------------------------------------------------------
/** Headers proving a filing is the portal's: HMAC-SHA256(secret, "<unix seconds>.<raw body>"). */
export function filingHeaders(body: string, secret: string, at = new Date()): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return { 'content-type': 'application/json', 'x-portal-timestamp': timestamp, 'x-portal-signature': createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex') };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** yyyyMMddHHmmss in Vietnam time (UTC+7, no DST). */
export function vnTimestamp(at: Date): string {
  const t = new Date(at.getTime() + 7 * 3_600_000);
  return `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}`;
}

/** A filing as the portal sends one: the land-use certificate renewal at the province centre, unless overridden. */
export function sampleFiling(overrides: Record<string, unknown> = {}, at = new Date()): Record<string, unknown> {
  const day = vnTimestamp(at).slice(0, 8);
  // The portal's own code: its identifier (reported as G09.20), the date, a 7-digit sequence. Random here:
  // the stand-in and the tests both make filings, and must not make the same one by accident.
  const sequence = String(1_000_000 + randomInt(8_999_999)).padStart(7, '0');
  return {
    MaHoSo: `G09.20-${day}-${sequence}`,
    MaTTHC: '1.012792',
    MaDonViTiepNhan: '000.00.01.H99',
    NgayNopHoSo: vnTimestamp(at),
    LoaiDoiTuong: 1,
    ChuHoSo: 'Đỗ Văn Minh',
    SoGiayTo: '001092003456',
    SoDienThoai: '0987654321',
    Email: 'minh.do@example.vn',
    DiaChi: { ChiTiet: 'Số 8 Nguyễn Huệ', TenXa: 'Phường Đông Thành', TenTinh: 'Tỉnh Bình An' },
    TaiLieuNop: [
      { MaThanhPhanHoSo: 'renewal-application', TenTepDinhKem: 'don-de-nghi.pdf', DuongDanTep: 'https://dichvucong.gov.vn/tep/don-de-nghi.pdf', SoBanChinh: 1 },
      { MaThanhPhanHoSo: 'certificate', TenTepDinhKem: 'giay-chung-nhan.pdf', DuongDanTep: 'https://dichvucong.gov.vn/tep/giay-chung-nhan.pdf', SoBanChinh: 1 },
    ],
    HinhThucNhanKetQua: 1,
    TaiKhoanDuocXacThucVoiVNeID: true,
    ...overrides,
  };
}

async function readBody(req: IncomingMessage, limit = 2_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startPortalStandIn(options: StandInOptions): Promise<PortalStandIn> {
  const port = options.port ?? PORTAL_STAND_IN_PORT;
  const messages: ReceivedMessage[] = [];
  const payments: PaymentExchange[] = [];
  const seenKeys = new Set<string>();
  // What to fail: every message, or only one dossier's (so tests sharing the stand-in do not fail each other).
  let fail: { mode: FailMode; count: number | null; delayMs: number; maHoSo: string | null } = { mode: 'ok', count: null, delayMs: 0, maHoSo: null };
  let seq = 0;
  let transactionNo = 14_000_000;
  const file = options.dir ? join(options.dir, 'received.jsonl') : undefined;
  if (options.dir) mkdirSync(options.dir, { recursive: true });

  /** The failure to play for this request, if any (counted down; `count: null` lasts until reset). */
  function failureNow(maHoSo: unknown): FailMode {
    if (fail.mode === 'ok' || (fail.maHoSo !== null && fail.maHoSo !== maHoSo)) return 'ok';
    const mode = fail.mode;
    if (fail.count !== null) {
      fail.count -= 1;
      if (fail.count <= 0) fail = { mode: 'ok', count: null, delayMs: 0, maHoSo: null };
    }
    return mode;
  }

  async function notify(kind: PaymentExchange['kind'], params: Record<string, string>): Promise<PaymentExchange> {
    const signed = signVnp(params, options.hashSecret);
    const res = await fetch(`${options.apiBase}/payments/vnpay/ipn?${new URLSearchParams(signed).toString()}`, { signal: AbortSignal.timeout(60_000) });
    const text = await res.text();
    let answer: unknown = text;
    try {
      answer = JSON.parse(text);
    } catch {
      /* kept as text */
    }
    const exchange: PaymentExchange = { at: new Date().toISOString(), kind, params: signed, status: res.status, answer };
    payments.push(exchange);
    return exchange;
  }

  async function handlePortal(req: IncomingMessage, res: ServerResponse, service: string): Promise<void> {
    if (!SERVICES.has(service)) return json(res, 404, { error_code: 404, message: `unknown service ${service}` });
    if (req.headers.authorization !== `Bearer ${options.apiKey}`) return json(res, 401, { error_code: 401, message: 'Sai thông tin xác thực / bad credentials' });
    const text = await readBody(req);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return json(res, 400, { error_code: 400, message: 'JSON không hợp lệ / invalid JSON' });
    }
    const delayMs = fail.delayMs;
    const mode = failureNow(body.MaHoSo);
    if (mode === 'down') return json(res, 503, { error_code: 503, message: 'Hệ thống đang bảo trì / down for maintenance' });
    if (mode === 'error') return json(res, 500, { error_code: 500, message: 'Lỗi hệ thống / internal error' });
    if (mode === 'unauthorized') return json(res, 401, { error_code: 401, message: 'Sai thông tin xác thực / bad credentials' });
    if (mode === 'slow') await new Promise((r) => setTimeout(r, delayMs || 15_000));
    if (mode === 'refuse') return json(res, 200, { error_code: 99, message: 'Dữ liệu không hợp lệ: MaHoSo / invalid data: MaHoSo' });
    if (typeof body.MaHoSo !== 'string') return json(res, 200, { error_code: 2, message: 'Thiếu MaHoSo / MaHoSo missing' });
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    const replay = key !== null && seenKeys.has(key);
    if (key !== null) seenKeys.add(key);
    const record: ReceivedMessage = { seq: ++seq, service, key, maHoSo: body.MaHoSo, version: typeof body.PhienBan === 'number' ? body.PhienBan : null, body, at: new Date().toISOString(), replay };
    messages.push(record);
    if (file) appendFileSync(file, `${JSON.stringify(record)}\n`);
    return json(res, 200, { error_code: 0, message: replay ? 'Đã nhận trước đó / already received' : 'Thành công / accepted' });
  }

  function gatewayPage(res: ServerResponse, params: Record<string, string>): void {
    if (params.vnp_TmnCode !== options.tmnCode || !vnpVerified(params, options.hashSecret)) {
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><meta charset="utf-8"><title>Lỗi</title><h1>Sai chữ ký / Invalid signature</h1>');
      return;
    }
    const amount = Number(params.vnp_Amount) / 100;
    const query = escapeHtml(new URLSearchParams(params).toString());
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="vi"><meta charset="utf-8"><title>Cổng thanh toán (thử nghiệm)</title>
<body style="font-family:sans-serif;max-width:32rem;margin:2rem auto">
<h1>Cổng thanh toán thử nghiệm <small>/ test payment gateway</small></h1>
<p>Đơn hàng / order: <strong id="order">${escapeHtml(params.vnp_TxnRef ?? '')}</strong></p>
<p>${escapeHtml(params.vnp_OrderInfo ?? '')}</p>
<p>Số tiền / amount: <strong id="amount">${amount.toLocaleString('vi-VN')} đ</strong></p>
<form method="post" action="/vnpay/pay"><input type="hidden" name="q" value="${query}"><button id="pay" type="submit">Thanh toán / Pay</button></form>
<form method="post" action="/vnpay/cancel"><input type="hidden" name="q" value="${query}"><button id="cancel" type="submit">Hủy / Cancel</button></form>
</body></html>`);
  }

  async function gatewayDecision(req: IncomingMessage, res: ServerResponse, pay: boolean): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const params = Object.fromEntries(new URLSearchParams(form.get('q') ?? ''));
    if (!vnpVerified(params, options.hashSecret)) return json(res, 400, { error: 'invalid signature' });
    const result: Record<string, string> = {
      vnp_Amount: params.vnp_Amount ?? '',
      vnp_BankCode: 'NCB',
      vnp_CardType: 'ATM',
      vnp_OrderInfo: params.vnp_OrderInfo ?? '',
      vnp_PayDate: vnTimestamp(new Date()),
      vnp_ResponseCode: pay ? '00' : '24',
      vnp_TmnCode: options.tmnCode,
      vnp_TransactionNo: pay ? String(++transactionNo) : '0',
      vnp_TransactionStatus: pay ? '00' : '02',
      vnp_TxnRef: params.vnp_TxnRef ?? '',
    };
    if (pay) result.vnp_BankTranNo = `VNP${transactionNo}`;
    const exchange = await notify(pay ? 'gateway' : 'cancel', result);
    // Then the browser goes back to the merchant with the same signed result.
    const back = new URL(params.vnp_ReturnUrl ?? '/');
    for (const [k, v] of Object.entries(exchange.params)) back.searchParams.set(k, v);
    res.writeHead(302, { location: back.toString() });
    res.end();
  }

  /** The collecting bank: a transfer made by scanning a VietQR is reported as a signed notice. */
  async function bankTransfer(payload: string): Promise<PaymentExchange | { error: string }> {
    const qr = new QRPay(payload);
    if (!qr.isValid || !qr.amount || !qr.additionalData.purpose) return { error: 'not a dynamic VietQR with an amount and a purpose' };
    return notify('bankTransfer', {
      vnp_Amount: String(Number(qr.amount) * 100),
      vnp_BankCode: qr.consumer.bankBin ?? '',
      vnp_CardType: 'VIETQR',
      vnp_OrderInfo: qr.additionalData.purpose,
      vnp_PayDate: vnTimestamp(new Date()),
      vnp_ResponseCode: '00',
      vnp_TmnCode: options.tmnCode,
      vnp_TransactionNo: String(++transactionNo),
      vnp_TransactionStatus: '00',
      vnp_TxnRef: qr.additionalData.purpose,
    });
  }

  async function fileDossier(filing: Record<string, unknown>): Promise<{ status: number; body: unknown; filing: Record<string, unknown> }> {
    const body = JSON.stringify(filing);
    const res = await fetch(`${options.apiBase}/portal/dossiers`, { method: 'POST', headers: filingHeaders(body, options.inboundSecret), body, signal: AbortSignal.timeout(60_000) });
    const text = await res.text();
    let answer: unknown = text;
    try {
      answer = JSON.parse(text);
    } catch {
      /* kept as text */
    }
    return { status: res.status, body: answer, filing };
  }

  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /_stand-in/messages') {
      const maHoSo = url.searchParams.get('maHoSo');
      const service = url.searchParams.get('service');
      return json(res, 200, { messages: messages.filter((m) => (!maHoSo || m.maHoSo === maHoSo) && (!service || m.service === service)) });
    }
    if (route === 'GET /_stand-in/stats') {
      const unique = new Set(messages.filter((m) => !m.replay).map((m) => m.key)).size;
      return json(res, 200, { received: messages.length, unique, replays: messages.filter((m) => m.replay).length, fail });
    }
    if (route === 'GET /_stand-in/payments') return json(res, 200, { payments });
    const input = (await readBody(req)) || '{}';
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(input) as Record<string, unknown>;
    } catch {
      return json(res, 400, { error: 'invalid JSON' });
    }
    if (route === 'POST /_stand-in/fail') {
      const mode = String(body.mode ?? 'ok') as FailMode;
      if (!['ok', 'down', 'error', 'refuse', 'unauthorized', 'slow'].includes(mode)) return json(res, 400, { error: `unknown mode ${mode}` });
      fail = { mode, count: typeof body.count === 'number' ? body.count : null, delayMs: typeof body.delayMs === 'number' ? body.delayMs : 0, maHoSo: typeof body.maHoSo === 'string' ? body.maHoSo : null };
      return json(res, 200, { fail });
    }
    if (route === 'POST /_stand-in/reset') {
      messages.length = 0;
      payments.length = 0;
      seenKeys.clear();
      fail = { mode: 'ok', count: null, delayMs: 0, maHoSo: null };
      return json(res, 200, { reset: true });
    }
    if (route === 'POST /_stand-in/file') {
      const filing = typeof body.filing === 'object' && body.filing !== null ? (body.filing as Record<string, unknown>) : sampleFiling((body.overrides as Record<string, unknown> | undefined) ?? {});
      return json(res, 200, await fileDossier(filing));
    }
    if (route === 'POST /_stand-in/bank/transfer') {
      if (typeof body.payload !== 'string') return json(res, 400, { error: 'payload (the VietQR text) is required' });
      const result = await bankTransfer(body.payload);
      return json(res, 'error' in result ? 400 : 200, result);
    }
    return json(res, 404, { error: `no route ${route}` });
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const handle = async () => {
      const portal = /^\/dvcqg\/([A-Za-z]+)$/.exec(url.pathname);
      if (portal && req.method === 'POST') return handlePortal(req, res, portal[1]!);
      if (url.pathname === '/vnpay/paymentv2/vpcpay.html' && req.method === 'GET') return gatewayPage(res, Object.fromEntries(url.searchParams));
      if (url.pathname === '/vnpay/pay' && req.method === 'POST') return gatewayDecision(req, res, true);
      if (url.pathname === '/vnpay/cancel' && req.method === 'POST') return gatewayDecision(req, res, false);
      if (url.pathname.startsWith('/_stand-in/')) return control(req, res, url);
      return json(res, 404, { error: 'not found' });
    };
    handle().catch((err: unknown) => json(res, 500, { error: err instanceof Error ? err.message : String(err) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Port 0 (tests of the adapter): the system chose one.
  const bound = (server.address() as { port: number }).port;
  return {
    port: bound,
    url: `http://127.0.0.1:${bound}`,
    messages,
    payments,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The value of a parameter in functions/.env.local (the file the functions emulator reads). */
export function localParam(name: string): string {
  const text = readFileSync(join(ROOT, 'functions', '.env.local'), 'utf8');
  const raw = new RegExp(`^${name}=(.*)$`, 'm').exec(text)?.[1]?.trim();
  if (raw === undefined) throw new Error(`functions/.env.local has no ${name}`);
  return raw.replace(/^"(.*)"$/, '$1');
}

/** The stand-in as `npm start`, the tests and the benchmarks run it: the secrets of functions/.secret.local, the API through Hosting. */
export async function startLocalStandIn(options: { dir?: string; port?: number } = {}): Promise<PortalStandIn> {
  const hosting = (JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')) as { emulators: { hosting: { host: string; port: number } } }).emulators.hosting;
  return startPortalStandIn({
    ...options,
    apiBase: `http://${hosting.host}:${hosting.port}/api`,
    apiKey: devSecret('PORTAL_API_KEY'),
    inboundSecret: devSecret('PORTAL_INBOUND_SECRET'),
    hashSecret: devSecret('PAYMENT_HASH_SECRET'),
    tmnCode: localParam('PAYMENT_TMN_CODE'),
  });
}

// The SMS (eSMS) and Zalo (ZNS) adapters against a local HTTP server that answers as the providers
// document: what we send, and which answers are sent / temporary / permanent.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { esmsSender } from './sms-esms.js';
import { DeliveryError } from './channel-ports.js';
import { znsPhone, znsSender } from './zalo-zns.js';

type Seen = { url: string; headers: IncomingMessage['headers']; body: string };
let server: Server;
let base: string;
let seen: Seen[] = [];
let answers: { status: number; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      const answer = answers.shift() ?? { status: 500, body: 'no answer queued' };
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen = [];
  answers = [];
});

const json = (status: number, body: unknown) => ({ status, body: JSON.stringify(body) });
async function failure(p: Promise<unknown>): Promise<DeliveryError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('eSMS adapter', () => {
  const sender = () => esmsSender({ baseUrl: base, apiKey: 'key', secretKey: 'secret', brandname: 'BINHAN', sandbox: false });
  const sms = { to: '+84912345678', text: 'Hồ sơ 000.00.01.H99-261128-0001 đã được tiếp nhận.', notificationId: 'n1' };

  it('sends a customer-care brandname message in Unicode with the notification id as RequestId', async () => {
    answers.push(json(200, { CodeResult: '100', SMSID: 'abc' }));
    await sender().send(sms);
    expect(seen[0]!.url).toBe('/MainService.svc/json/SendMultipleMessage_V4_post_json/');
    expect(JSON.parse(seen[0]!.body)).toEqual({
      ApiKey: 'key', SecretKey: 'secret', Brandname: 'BINHAN', SmsType: '2', Phone: '0912345678',
      Content: sms.text, IsUnicode: '1', Sandbox: '0', RequestId: 'n1',
    });
  });

  it('takes "duplicate RequestId" as already sent (a re-send after a lost answer)', async () => {
    answers.push(json(200, { CodeResult: '124', ErrorMessage: 'Duplicate RequestId' }));
    await expect(sender().send(sms)).resolves.toBeUndefined();
  });

  it('a bad number is permanent; credentials, balance and HTTP 5xx are temporary', async () => {
    answers.push(json(200, { CodeResult: '108', ErrorMessage: 'Phone invalid' }));
    expect((await failure(sender().send(sms))).kind).toBe('permanent');
    answers.push(json(200, { CodeResult: '103', ErrorMessage: 'Balance' }));
    expect((await failure(sender().send(sms))).kind).toBe('temporary');
    answers.push({ status: 503, body: 'busy' });
    expect((await failure(sender().send(sms))).kind).toBe('temporary');
    answers.push({ status: 200, body: '<html>' });
    expect((await failure(sender().send(sms))).kind).toBe('temporary');
  });

  it('is permanent when selected without keys, and temporary when the provider is unreachable', async () => {
    const noKeys = esmsSender({ baseUrl: base, apiKey: '', secretKey: '', brandname: '', sandbox: false });
    expect((await failure(noKeys.send(sms))).kind).toBe('permanent');
    const down = esmsSender({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k', secretKey: 's', brandname: 'B', sandbox: false });
    expect((await failure(down.send(sms))).kind).toBe('temporary');
    expect(seen).toHaveLength(0);
  });
});

describe('Zalo ZNS adapter', () => {
  const message = { to: '+84912345678', dossierCode: '000.00.01.H99-261128-0001', text: 'Hồ sơ đã được tiếp nhận.', notificationId: 'z1' };
  const tokens: { rejected?: string }[] = [];
  const sender = (templateId = 'tpl-1') =>
    znsSender({
      baseUrl: base,
      templateId,
      accessToken: async (opts) => {
        tokens.push(opts);
        return opts.rejected ? 'fresh-token' : 'old-token';
      },
    });
  beforeEach(() => (tokens.length = 0));

  it('normalises phone numbers to 84…', () => {
    expect(znsPhone('+84912345678')).toBe('84912345678');
    expect(znsPhone('0912345678')).toBe('84912345678');
  });

  it('sends the template with the dossier code and the message, tracked by the notification id', async () => {
    answers.push(json(200, { error: 0, message: 'Success', data: { msg_id: 'm' } }));
    await sender().send(message);
    expect(seen[0]!.url).toBe('/message/template');
    expect(seen[0]!.headers.access_token).toBe('old-token');
    expect(JSON.parse(seen[0]!.body)).toEqual({
      phone: '84912345678', template_id: 'tpl-1', template_data: { ma_ho_so: message.dossierCode, noi_dung: message.text }, tracking_id: 'z1',
    });
  });

  it('refreshes the token once when Zalo says it is invalid, then sends', async () => {
    answers.push(json(200, { error: -124, message: 'Access token invalid' }), json(200, { error: 0 }));
    await sender().send(message);
    expect(tokens).toEqual([{}, { rejected: 'old-token' }]);
    expect(seen.map((s) => s.headers.access_token)).toEqual(['old-token', 'fresh-token']);
  });

  it('no Zalo account is permanent; unknown errors are temporary; no template is permanent', async () => {
    answers.push(json(200, { error: -118, message: 'Zalo account not existed' }));
    expect((await failure(sender().send(message))).kind).toBe('permanent');
    answers.push(json(200, { error: -100, message: 'Unknown error' }));
    expect((await failure(sender().send(message))).kind).toBe('temporary');
    expect((await failure(sender('').send(message))).kind).toBe('permanent');
  });
});

// PUBLIC_ORIGIN (issue 12, finding 14): a deploy that forgot it printed receipts whose QR pointed at
// 127.0.0.1. Now the parameter has no default, so the deploy cannot go on without a value, and a
// production instance without a usable one refuses to serve. Both are shown on the built functions
// (functions/lib, built before this layer): the deploy's own parameter resolution (firebase-tools) on
// the manifest the CLI reads at deploy time, and the `api` function loaded as in production.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTING_URL, ROOT } from '../support/emulators.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const FUNCTIONS_DIR = join(ROOT, 'functions');
/** Root folder of a package as the functions resolve it (its `exports` hide the files used below). */
const packageDir = (name: string) => {
  const entry = require.resolve(name, { paths: [FUNCTIONS_DIR] });
  return entry.slice(0, entry.lastIndexOf(`/node_modules/${name}/`) + `/node_modules/${name}`.length);
};
const work = mkdtempSync(join(tmpdir(), 'motcua-origin-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Param = { name: string; type: string; default?: unknown; input?: { text?: { validationRegex?: string } } };

/** The environment of a process outside the emulators: none of their variables. */
function productionEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GCLOUD_PROJECT: 'motcua-tinh-x', ...extra };
  return env;
}

let params: Param[];
beforeAll(async () => {
  // What `firebase deploy` does first: load the functions and write their manifest (params included).
  const manifest = join(work, 'functions.json');
  await run(process.execPath, [join(packageDir('firebase-functions'), 'lib', 'bin', 'firebase-functions.js'), FUNCTIONS_DIR], {
    cwd: FUNCTIONS_DIR,
    env: productionEnv({ FUNCTIONS_MANIFEST_OUTPUT_PATH: manifest }),
  });
  params = (JSON.parse(readFileSync(manifest, 'utf8')) as { params?: Param[] }).params ?? [];
});

describe('deploy', () => {
  it('declares PUBLIC_ORIGIN without a default, asking for an https origin', () => {
    const origin = params.find((p) => p.name === 'PUBLIC_ORIGIN');
    expect(origin).toBeDefined();
    expect(origin!.default).toBeUndefined();
    const regex = new RegExp(origin!.input!.text!.validationRegex!);
    expect(regex.test('https://dichvucong.binhan.gov.vn')).toBe(true);
    expect(regex.test('http://127.0.0.1:5000')).toBe(false);
  });

  it('is refused by firebase-tools when the project’s .env file does not give it', async () => {
    // firebase-tools' parameter resolution, as `firebase deploy --non-interactive` (CI) runs it, with a
    // functions/.env.<project> that sets every other parameter. Secrets are resolved by another step
    // (Secret Manager), so only the plain parameters are passed. (Run interactively, the CLI asks for
    // the value instead, with no default to accept and the https pattern above enforced.)
    const paramsModule = require(join(packageDir('firebase-tools'), 'lib', 'deploy', 'functions', 'params.js')) as {
      resolveParams: (p: Param[], config: { projectId: string }, envs: Record<string, unknown>, nonInteractive: boolean) => Promise<Record<string, unknown>>;
      ParamValue: new (raw: string, internal: boolean, types: { string?: boolean; boolean?: boolean; number?: boolean }) => unknown;
    };
    const value = (raw: string, type: string) =>
      new paramsModule.ParamValue(raw, false, { string: type === 'string', number: type === 'int', boolean: type === 'boolean' });
    const plain = params.filter((p) => p.type !== 'secret');
    const dotenv = Object.fromEntries(plain.filter((p) => p.name !== 'PUBLIC_ORIGIN').map((p) => [p.name, value(String(p.default ?? ''), p.type)]));
    await expect(paramsModule.resolveParams(plain, { projectId: 'motcua-tinh-x' }, dotenv, true)).rejects.toThrow(
      /no value for the following environment variables: PUBLIC_ORIGIN\n/,
    );
    const withOrigin = { ...dotenv, PUBLIC_ORIGIN: value('https://dichvucong.binhan.gov.vn', 'string') };
    const resolved = await paramsModule.resolveParams(plain, { projectId: 'motcua-tinh-x' }, withOrigin, true);
    expect(resolved).toHaveProperty('PUBLIC_ORIGIN');
  });
});

describe('start outside the emulators', () => {
  /** Loads the built `api` function as Cloud Run would and sends it GET /health; prints what it answered. */
  async function callApiInProduction(origin: string | undefined): Promise<{ status?: number; error?: string }> {
    const script = join(work, 'call-api.mjs');
    writeFileSync(
      script,
      `const { api } = await import(${JSON.stringify(join(FUNCTIONS_DIR, 'lib', 'index.js'))});
const out = {};
const res = { statusCode: 200, headers: {}, setHeader(k, v) { this.headers[k] = v; }, getHeader(k) { return this.headers[k]; },
  on() { return this; }, once() { return this; }, status(c) { out.status = c; return this; }, json() { return this; }, type() { return this; }, end() { return this; }, send() { return this; }, set() { return this; } };
const req = { method: 'GET', path: '/health', url: '/health', headers: {}, get: () => undefined, query: {}, body: undefined };
try { await api(req, res); } catch (err) { out.error = String(err && err.message); }
console.log(JSON.stringify(out));
process.exit(0);
`,
    );
    const { stdout } = await run(process.execPath, [script], {
      cwd: FUNCTIONS_DIR,
      env: productionEnv(origin === undefined ? {} : { PUBLIC_ORIGIN: origin }),
    });
    return JSON.parse(stdout.trim().split('\n').pop()!) as { status?: number; error?: string };
  }

  it('refuses to serve without PUBLIC_ORIGIN, or with a local one', async () => {
    expect((await callApiInProduction(undefined)).error).toMatch(/PUBLIC_ORIGIN is not set/);
    expect((await callApiInProduction('http://127.0.0.1:5000')).error).toMatch(/must use https/);
    expect((await callApiInProduction('https://localhost')).error).toMatch(/points at this machine/);
  });

  it('serves with an https origin', async () => {
    expect(await callApiInProduction('https://dichvucong.binhan.gov.vn')).toEqual({ status: 200 });
  });

  it('the emulators keep the demo origin (functions/.env.demo-motcua) and answer', async () => {
    expect(readFileSync(join(FUNCTIONS_DIR, '.env.demo-motcua'), 'utf8')).toMatch(/^PUBLIC_ORIGIN=http:\/\/127\.0\.0\.1:5000$/m);
    expect((await fetch(`${HOSTING_URL}/api/health`)).status).toBe(200);
  });
});

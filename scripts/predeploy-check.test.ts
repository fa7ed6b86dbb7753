// A deploy is refused, with every reason, when a required parameter is missing or would silently do the
// wrong thing in production.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployParamProblems, REQUIRED_PARAMS } from '../functions/src/config.js';
import { parseEnvFile, projectEnv } from './predeploy-check.js';

const GOOD = {
  PUBLIC_ORIGIN: 'https://dichvucong.binhan.gov.vn',
  MAIL_FROM: 'Một cửa tỉnh Bình An <khongtraloi@binhan.gov.vn>',
  SMTP_HOST: 'smtp.binhan.gov.vn',
  SMS_PROVIDER: 'sink',
  ZALO_PROVIDER: 'sink',
};
const en = (env: Record<string, string | undefined>) => deployParamProblems(env).map((p) => p.en);

describe('deployParamProblems', () => {
  it('accepts a complete production configuration', () => {
    expect(en(GOOD)).toEqual([]);
    expect(en({ ...GOOD, SMTP_HOST: '' })).toEqual([]); // explicitly no email
  });

  it.each(REQUIRED_PARAMS.map((name) => [name]))('refuses a deploy without %s', (name) => {
    expect(en({ ...GOOD, [name]: undefined })).toContain(`${name} is not set`);
  });

  it('refuses values that would silently misbehave', () => {
    expect(en({ ...GOOD, PUBLIC_ORIGIN: 'http://127.0.0.1:5000' })).toEqual(['PUBLIC_ORIGIN "http://127.0.0.1:5000" must use https outside the emulators']);
    expect(en({ ...GOOD, MAIL_FROM: 'Một cửa <no-reply@motcua.invalid>' })[0]).toMatch(/must be an address the province owns/);
    expect(en({ ...GOOD, SMS_PROVIDER: 'viettel' })).toEqual(['SMS_PROVIDER "viettel": sink or esms']);
    expect(en({ ...GOOD, SMS_PROVIDER: 'esms' })).toEqual(['SMS_PROVIDER=esms needs SMS_BRANDNAME']);
    expect(en({ ...GOOD, ZALO_PROVIDER: 'zns', ZALO_APP_ID: '123' })).toEqual(['ZALO_PROVIDER=zns needs ZALO_APP_ID and ZALO_ZNS_TEMPLATE_ID']);
    expect(deployParamProblems({})).toHaveLength(REQUIRED_PARAMS.length);
    for (const p of deployParamProblems({})) expect(p.vi).toMatch(/^Thiếu /u);
  });
});

describe('the .env files a deploy reads', () => {
  it('merges functions/.env and functions/.env.<project>, the project winning, as firebase-tools does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-env-'));
    writeFileSync(join(dir, '.env'), '# shared\nSMS_PROVIDER=sink\nMAIL_FROM="Một cửa <a@binhan.gov.vn>"\n');
    writeFileSync(join(dir, '.env.tinh-binh-an'), 'PUBLIC_ORIGIN=https://dichvucong.binhan.gov.vn\nSMS_PROVIDER=esms\nSMTP_HOST=\n');
    expect(projectEnv('tinh-binh-an', dir)).toEqual({ SMS_PROVIDER: 'esms', MAIL_FROM: 'Một cửa <a@binhan.gov.vn>', PUBLIC_ORIGIN: 'https://dichvucong.binhan.gov.vn', SMTP_HOST: '' });
    expect(projectEnv('another', dir)).toEqual({ SMS_PROVIDER: 'sink', MAIL_FROM: 'Một cửa <a@binhan.gov.vn>' });
  });

  it('reads comments, blanks and quotes', () => {
    expect(parseEnvFile("A=1\n  # B=2\n\nC='x y'\nD = z \n")).toEqual({ A: '1', C: 'x y', D: 'z' });
  });

  it('the emulators have every required parameter (functions/.env.local and .env.demo-motcua)', () => {
    const env = { ...projectEnv('local'), ...projectEnv('demo-motcua') };
    for (const name of REQUIRED_PARAMS) expect(env[name], name).toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import { publicOriginProblem } from './config.js';

describe('publicOriginProblem', () => {
  it.each([
    ['https://dichvucong.binhan.gov.vn', false],
    ['https://dichvucong.binhan.gov.vn/', false],
    ['https://motcua-tinh.web.app', false],
    ['https://example.vn:8443', false],
  ])('production accepts %s', (value) => {
    expect(publicOriginProblem(value, false)).toBeUndefined();
  });

  it.each([
    ['', 'not set'],
    ['   ', 'not set'],
    ['http://127.0.0.1:5000', 'https'],
    ['https://127.0.0.1:5000', 'this machine'],
    ['https://localhost', 'this machine'],
    ['https://[::1]:5000', 'this machine'],
    ['https://0.0.0.0', 'this machine'],
    ['http://dichvucong.binhan.gov.vn', 'https'],
    ['https://dichvucong.binhan.gov.vn/tra-cuu', 'without a path'],
    ['https://dichvucong.binhan.gov.vn?x=1', 'without a path'],
    ['dichvucong.binhan.gov.vn', 'not a URL'],
  ])('production refuses %j (%s)', (value, why) => {
    expect(publicOriginProblem(value, false)).toContain(why);
  });

  it('the emulators keep the demo default, and still refuse nonsense', () => {
    expect(publicOriginProblem('http://127.0.0.1:5000', true)).toBeUndefined();
    expect(publicOriginProblem('', true)).toContain('not set');
    expect(publicOriginProblem('ftp://127.0.0.1', true)).toContain('http(s)');
  });
});

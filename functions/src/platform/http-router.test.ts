import { describe, expect, it } from 'vitest';
import { matchPath, normalisePath } from './http-router.js';

describe('normalisePath', () => {
  it.each([
    ['/api/health', '/health'], // through the Hosting rewrite
    ['/health', '/health'], // direct function URL
    ['/api/health/', '/health'],
    ['/api', '/'],
    ['/api/', '/'],
    ['/', '/'],
    ['/apiary', '/apiary'], // only a whole /api segment is stripped
    ['/api/api/x', '/api/x'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePath(input)).toBe(expected);
  });
});

describe('matchPath', () => {
  it('matches literal and parameter segments', () => {
    expect(matchPath('/dossiers/:dossierId/actions', '/dossiers/abc-123/actions')).toEqual({ dossierId: 'abc-123' });
    expect(matchPath('/health', '/health')).toEqual({});
  });
  it('decodes parameters and refuses empty or malformed ones', () => {
    expect(matchPath('/lookup/:code', '/lookup/000.00.01.H99-261128-0001')).toEqual({ code: '000.00.01.H99-261128-0001' });
    expect(matchPath('/x/:id', '/x/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/x/:id', '/x/')).toBeUndefined();
    expect(matchPath('/x/:id', '/x/%E0%A4%A')).toBeUndefined();
  });
  it('does not match other shapes', () => {
    expect(matchPath('/dossiers/:id', '/dossiers/a/b')).toBeUndefined();
    expect(matchPath('/dossiers/:id', '/agencies/a')).toBeUndefined();
  });
});

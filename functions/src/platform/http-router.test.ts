import { describe, expect, it } from 'vitest';
import { normalisePath } from './http-router.js';

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

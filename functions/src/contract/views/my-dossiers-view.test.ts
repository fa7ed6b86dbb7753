import { describe, expect, it } from 'vitest';
import { myDossiersView } from './my-dossiers-view.js';
import { signedInAs } from './phone-display.js';
import { inVietnamese, toHtml } from './node.js';

const item = (over: Record<string, unknown> = {}) => ({
  id: 'd1',
  code: '000.00.01.H99-261203-0001',
  status: 'registered' as const,
  procedure: { code: '1.012792', name: { vi: 'Cấp đổi', en: 'Renewal' } },
  createdAt: '2026-12-03T01:00:00.000Z',
  receivedAt: null,
  dueAt: null,
  supplement: null,
  stopRequest: null,
  ...over,
});

describe('myDossiersView — the list the server prints and the page draws', () => {
  it('lists newest first with the code, status, due line and what to do', () => {
    const html = myDossiersView(
      [item(), item({ id: 'd2', code: 'X-2', status: 'awaitingSupplement', createdAt: '2026-12-03T02:00:00.000Z', receivedAt: '2026-12-03T02:00:00.000Z' })],
      'a@b.vn',
      inVietnamese,
    )
      .map(toHtml)
      .join('');
    expect(html).toContain('<p id="dossier-count" role="status">2 hồ sơ</p>');
    expect(html.indexOf('data-code="X-2"')).toBeLessThan(html.indexOf('data-code="000.00.01.H99-261203-0001"'));
    expect(html).toContain('<span class="due" data-due="paused">Hẹn trả: Tạm dừng — tính lại khi bổ sung đủ</span>');
    expect(html).toContain('<a href="/ho-so/d2" class="to-do" data-testid="to-do">');
    expect(html).toContain('<span class="due" data-due="none">Chưa có ngày hẹn (chờ tiếp nhận)</span>');
    expect(html).toContain('<span class="code-copy" data-code="X-2"><span class="dossier-code" translate="no">X-2</span>');
  });

  it('escapes names and ids, and says when there is nothing yet', () => {
    const html = myDossiersView([item({ id: 'a/"b', procedure: { code: '1', name: { vi: '<i>x</i>', en: 'x' } } })], '<me>', inVietnamese)
      .map(toHtml)
      .join('');
    expect(html).toContain('&lt;i&gt;x&lt;/i&gt;');
    expect(html).toContain('href="/ho-so/a%2F%22b"');
    expect(html).toContain('data-who="&lt;me&gt;"');
    expect(myDossiersView([], 'a', inVietnamese).map(toHtml).join('')).toContain('Bạn chưa nộp hồ sơ trực tuyến nào.');
  });

  it('names the citizen by email, else phone as dialled, else uid', () => {
    expect(signedInAs({ email: 'a@b.vn', phoneNumber: '+84912345678', uid: 'u' })).toBe('a@b.vn');
    expect(signedInAs({ email: null, phoneNumber: '+84912345678', uid: 'u' })).toBe('0912 345 678');
    expect(signedInAs({ uid: 'u' })).toBe('u');
  });
});

import { describe, expect, it } from 'vitest';
import { el, escapeHtml, inVietnamese, toHtml } from './node.js';
import { catalogueCount } from './catalogue-view.js';
import { ratingForm } from './rating-view.js';

describe('view trees printed as HTML', () => {
  it('escapes text and attribute values, so nothing printed can become markup', () => {
    const hostile = '"><script>alert(1)</script><a href=\'x\'>&';
    const html = toHtml(el('p', { title: hostile, 'data-x': hostile }, hostile));
    expect(html).not.toContain('<script>');
    expect(html).toBe(`<p title="${escapeHtml(hostile)}" data-x="${escapeHtml(hostile)}">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&#39;x&#39;&gt;&amp;</p>`);
  });

  it('leaves out undefined attributes and empty children, prints empty-valued attributes bare and void elements without an end tag', () => {
    expect(toHtml(el('input', { type: 'radio', checked: '', value: undefined }))).toBe('<input type="radio" checked>');
    expect(() => toHtml(el('input', {}, 'text'))).toThrow(/has no content/);
    expect(toHtml(el('ul', {}, null, false, undefined, el('li', {}, 'a')))).toBe('<ul><li>a</li></ul>');
  });

  it('refuses a tag or attribute name that is not a plain name (they are never data, but a mistake must not print)', () => {
    expect(() => toHtml(el('p onclick=x', {}))).toThrow(/not a tag name/);
    expect(() => toHtml(el('p', { 'on click': 'x' }))).toThrow(/not an attribute name/);
  });

  it('the rating form posts to its page with its request id, keeping what was chosen', () => {
    const html = toHtml(ratingForm({ satisfaction: 'satisfied', complaint: false, comment: 'Tốt <b>' }, inVietnamese, { action: '/danh-gia/X?t=a&b', requestId: 'req-12345678' }));
    expect(html).toContain('<form id="rating-form" novalidate method="post" action="/danh-gia/X?t=a&amp;b">');
    expect(html).toContain('<input type="hidden" name="requestId" value="req-12345678">');
    expect(html).toContain('id="satisfaction-satisfied" value="satisfied" checked>');
    expect(html).toContain('id="complaint" value="no" checked>');
    expect(html).toContain('>Tốt &lt;b&gt;</textarea>');
  });

  it('counts procedures in either language', () => {
    expect(catalogueCount(0, inVietnamese)).toMatch(/^Không tìm thấy/);
    expect(catalogueCount(3, (b) => b.en)).toBe('3 procedures found');
  });
});

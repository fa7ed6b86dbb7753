// The import's "Tên gọi thông dụng" and "Mẫu đơn, tờ khai" columns (docs/IMPORT.md).
import { describe, expect, it } from 'vitest';
import type { RequiredComponent } from '../procedure/component.js';
import { attachTemplates, parseSearchTerms } from './procedure-row.js';

const components: RequiredComponent[] = [
  { id: 'renewal-application', name: { vi: 'Đơn đăng ký biến động', en: 'Application' }, originals: 1, certifiedCopies: 0, copies: 0, mandatory: true },
  { id: 'certificate', name: { vi: 'Giấy chứng nhận đã cấp', en: 'Certificate' }, originals: 1, certifiedCopies: 0, copies: 0, mandatory: true },
];

describe('everyday names', () => {
  it('splits on semicolons and lines, trims, and keeps each name once whatever its marks or case', () => {
    expect(parseSearchTerms(' sổ đỏ;sổ hồng\ncấp lại  sổ ; SO DO ;; ')).toEqual(['sổ đỏ', 'sổ hồng', 'cấp lại sổ']);
  });
});

describe('blank forms of the documents', () => {
  it('attaches a form number and link to the document its id names', () => {
    const result = attachTemplates('[renewal-application] Mẫu số 11/ĐK | https://example.gov.vn/mau-11.pdf', components);
    expect(result.ok && result.value.map((c) => c.template)).toEqual([{ name: 'Mẫu số 11/ĐK', url: 'https://example.gov.vn/mau-11.pdf' }, undefined]);
  });

  it('refuses a line without a link or naming no document of the procedure', () => {
    expect(attachTemplates('[renewal-application] Mẫu số 11/ĐK', components).ok).toBe(false);
    expect(attachTemplates('[land-map] Mẫu số 11/ĐK | /mau/11.pdf', components).ok).toBe(false);
  });
});

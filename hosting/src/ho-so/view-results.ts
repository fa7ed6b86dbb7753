// The dossier's electronic results (Decree 118 Art. 22), once the desk has returned them: each with its
// document code, type, summary, validity and scope, a button that downloads the signed PDF, and the link
// to check it on the verification page (/xac-thuc/<code>).
import { describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { saveBlob } from '../shared/download.js';
import { formatDate, formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { fetchResult, type Result } from './api.js';
import { dossierId, page } from './state.js';

async function download(result: Result, output: HTMLElement): Promise<void> {
  output.dataset.state = 'pending';
  output.textContent = t({ vi: 'Đang tải kết quả…', en: 'Downloading the result…' });
  try {
    const blob = await fetchResult(page.user!, dossierId, result.id);
    saveBlob(blob, `ket-qua-${result.documentCode}.pdf`);
    output.dataset.state = 'ok';
    output.textContent = t({ vi: `Đã tải kết quả (${Math.ceil(blob.size / 1024)} KB).`, en: `Result downloaded (${Math.ceil(blob.size / 1024)} KB).` });
  } catch (err) {
    output.dataset.state = 'error';
    output.textContent = t(describeError(err));
  }
}

function validity(r: Result): string {
  if (!r.validFrom && !r.validUntil) return t({ vi: 'Không thời hạn', en: 'No end date' });
  const from = r.validFrom ? `${t({ vi: 'từ', en: 'from' })} ${formatDate(r.validFrom)}` : '';
  const until = r.validUntil ? `${t({ vi: 'đến', en: 'until' })} ${formatDate(r.validUntil)}` : '';
  return [from, until].filter(Boolean).join(' ');
}

export function resultsSection(): HTMLElement | null {
  const results = page.answer?.results ?? [];
  if (results.length === 0) return null;
  const output = h('p', { id: 'result-status', class: 'status', role: 'status' });
  return h(
    'section',
    { 'aria-labelledby': 'results-title', id: 'results' },
    h('h2', { id: 'results-title' }, t({ vi: 'Kết quả điện tử', en: 'Electronic result' })),
    ...results.map((r) =>
      h(
        'article',
        { class: 'panel result', 'data-result': r.id },
        h('h3', {}, r.title),
        h(
          'dl',
          {},
          h('dt', {}, t({ vi: 'Mã kết quả', en: 'Document code' })),
          h('dd', { 'data-testid': 'result-code' }, r.documentCode),
          h('dt', {}, t({ vi: 'Loại kết quả', en: 'Type' })),
          h('dd', {}, `${r.typeName} (${r.typeCode})`),
          h('dt', {}, t({ vi: 'Trích yếu', en: 'Summary' })),
          h('dd', {}, r.summary),
          h('dt', {}, t({ vi: 'Hiệu lực', en: 'Validity' })),
          h('dd', {}, validity(r)),
          h('dt', {}, t({ vi: 'Phạm vi sử dụng', en: 'Scope' })),
          h('dd', {}, r.scope),
          h('dt', {}, t({ vi: 'Ban hành lúc', en: 'Issued' })),
          h('dd', {}, formatDateTime(r.issuedAt)),
          r.signer ? h('dt', {}, t({ vi: 'Ký số bởi', en: 'Signed by' })) : null,
          r.signer ? h('dd', {}, r.signer.name) : null,
        ),
        h(
          'p',
          {},
          h('button', { type: 'button', 'data-download-result': r.id, onclick: () => void download(r, output) }, t({ vi: 'Tải kết quả (PDF có chữ ký số)', en: 'Download the result (signed PDF)' })),
          ' ',
          h('a', { href: `/xac-thuc/${encodeURIComponent(r.verifyCode)}` }, t({ vi: 'Kiểm tra văn bản', en: 'Verify the document' })),
        ),
      ),
    ),
    output,
  );
}

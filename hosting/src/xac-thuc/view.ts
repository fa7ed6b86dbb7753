// The answers, in the chosen language: the verdict (with `data-verdict` for styles and tests), each
// signature (signer, time, what is wrong), and what the province recorded when it issued the file.
import type { Bilingual } from '../shared/api.js';
import { byId, h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import type { DocumentLookupAnswer, VerificationAnswer } from './api.js';

type Issued = NonNullable<VerificationAnswer['issued']>;

function issuedList(issued: Issued): HTMLElement {
  return h(
    'dl',
    { class: 'issued' },
    h('dt', {}, t({ vi: 'Loại văn bản', en: 'Kind' })),
    h('dd', { 'data-testid': 'issued-kind' }, `${t(issued.kindLabel)}: ${issued.title}`),
    h('dt', {}, t({ vi: 'Cơ quan ban hành', en: 'Issued by' })),
    h('dd', { 'data-testid': 'issued-by' }, t(issued.issuer)),
    h('dt', {}, t({ vi: 'Thời điểm ban hành', en: 'Issued at' })),
    h('dd', {}, formatDateTime(issued.issuedAt)),
    h('dt', {}, t({ vi: 'Người ký', en: 'Signed by' })),
    h('dd', {}, issued.signerName ?? t({ vi: 'Không ký số', en: 'Not signed' })),
    h('dt', {}, 'SHA-256'),
    h('dd', { class: 'hash' }, issued.sha256),
  );
}

export function showLookup(answer: DocumentLookupAnswer): void {
  const area = byId('issued');
  area.dataset.state = answer.issued ? 'found' : 'missing';
  area.replaceChildren(
    answer.issued
      ? h(
          'div',
          { class: 'panel' },
          h('h2', {}, t({ vi: 'Tỉnh đã ban hành văn bản mang mã này', en: 'The province issued a document under this code' })),
          issuedList(answer.issued),
          h('p', {}, t({ vi: 'Tải tệp bạn có lên dưới đây để kiểm tra đó đúng là văn bản này và chữ ký còn nguyên vẹn.', en: 'Upload the file you hold below to check it is this document and its signature is intact.' })),
        )
      : h('p', { class: 'notice' }, t({ vi: 'Không tìm thấy văn bản nào mang mã này.', en: 'No document was issued under this code.' })),
  );
}

export function showPending(text: Bilingual): void {
  const area = byId('verdict');
  area.dataset.state = 'pending';
  area.replaceChildren(h('p', {}, t(text)));
}

export function showError(message: Bilingual): void {
  const area = byId('verdict');
  area.dataset.state = 'error';
  area.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, t(message)));
}

export function showVerdict(answer: VerificationAnswer): void {
  const area = byId('verdict');
  area.dataset.state = 'done';
  area.replaceChildren(
    h(
      'div',
      { class: `verdict verdict-${answer.verdict}`, 'data-verdict': answer.verdict },
      h('h2', { id: 'verdict-title' }, t(answer.message)),
      answer.signatures.length > 0
        ? h(
            'ul',
            { class: 'signatures' },
            ...answer.signatures.map((s) =>
              h(
                'li',
                { 'data-valid': String(s.valid) },
                h('strong', {}, t(s.message)),
                s.signer ? h('span', {}, ` ${t({ vi: 'Người ký', en: 'Signer' })}: ${s.signer.name}${s.signer.organisation ? ` (${s.signer.organisation})` : ''}; ${t({ vi: 'cấp bởi', en: 'issued by' })} ${s.signer.issuer}.`) : null,
                s.signedAt ? h('span', {}, ` ${t({ vi: 'Thời điểm ký', en: 'Signed at' })}: ${formatDateTime(s.signedAt)}.`) : null,
              ),
            ),
          )
        : null,
      answer.issued ? issuedList(answer.issued) : null,
      h('p', { class: 'hash' }, `SHA-256: ${answer.sha256}`),
    ),
  );
  area.querySelector<HTMLElement>('#verdict-title')?.setAttribute('tabindex', '-1');
  area.querySelector<HTMLElement>('#verdict-title')?.focus();
}

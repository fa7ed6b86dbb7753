// The electronic result (Decree 118 Art. 22) on the officer's dossier page: the results issued so far,
// each downloadable as its signed PDF, and, for the handler or lead of the agency holding the dossier
// while it is handled or decided, the form that issues one — with the officer's own PDF, or produced by
// the system from the details. The server signs it with the agency's certificate.
import { ApiCallError, describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { saveBlob } from '../shared/download.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { newRequestId } from '../shared/session.js';
import { uploadFile } from '../shared/upload.js';
import { resultIssueProblem } from '../../../functions/src/contract/index.js';
import { fetchResult, issueResult, type DossierAnswer, type ResultListing } from './api.js';
import { clearFieldErrors, field, showFieldErrors } from './forms.js';
import { tx } from './labels.js';
import type { Carry } from './view-dossier-actions.js';
import type { Officer } from './state.js';

export type ResultsArea = { officer: Officer; dossierId: string; answer: DossierAnswer; reloadWith: (carry: Carry) => Promise<void> };

function resultRow(o: ResultsArea, r: ResultListing, status: HTMLElement): HTMLElement {
  return h(
    'li',
    { 'data-result': r.id },
    h('strong', {}, r.title),
    ` — ${r.documentCode}, ${formatDateTime(r.issuedAt)}${r.signer ? `, ${tx('ký số', 'signed by')} ${r.signer.name}` : ''} `,
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'data-download-result': r.id,
        onclick: async () => {
          status.textContent = tx('Đang tải…', 'Downloading…');
          try {
            saveBlob(await fetchResult(o.officer.user, o.dossierId, r.id), `ket-qua-${r.documentCode}.pdf`);
            status.textContent = tx('Đã tải kết quả.', 'Result downloaded.');
          } catch (err) {
            status.textContent = t(describeError(err));
          }
        },
      },
      tx('Tải PDF', 'Download PDF'),
    ),
  );
}

const input = (name: string, attrs: Record<string, string> = {}) => h('input', { name, ...attrs });
const textarea = (name: string) => h('textarea', { name, rows: 3 });

function issueForm(o: ResultsArea): HTMLElement {
  const typeCode = input('typeCode', { autocomplete: 'off', spellcheck: 'false' });
  const typeName = input('typeName');
  const title = input('title');
  const summary = textarea('summary');
  const validFrom = input('validFrom', { type: 'date' });
  const validUntil = input('validUntil', { type: 'date' });
  const scope = input('scope');
  scope.value = 'Sử dụng trên toàn quốc';
  const file = input('file', { type: 'file', accept: '.pdf,application/pdf' });
  const message = h('p', { class: 'form-summary field-error', hidden: true, role: 'alert' });
  const submit = h('button', { type: 'submit' }, tx('Ban hành và ký số', 'Issue and sign'));
  let sent: { json: string; requestId: string } | undefined;
  const form = h(
    'form',
    { id: 'result-form', novalidate: true, 'aria-labelledby': 'result-form-title' },
    h('h4', { id: 'result-form-title' }, tx('Ban hành kết quả điện tử', 'Issue the electronic result')),
    field({ vi: 'Mã loại kết quả', en: 'Result-type code' }, typeCode, 'details.typeCode', { vi: 'Theo danh mục kết quả của thủ tục, ví dụ KQ.1012792', en: 'From the procedure’s result catalogue, e.g. KQ.1012792' }),
    field({ vi: 'Tên loại kết quả', en: 'Result type' }, typeName, 'details.typeName'),
    field({ vi: 'Tên kết quả', en: 'Name of the result' }, title, 'details.title'),
    field({ vi: 'Trích yếu nội dung', en: 'Summary' }, summary, 'details.summary'),
    field({ vi: 'Hiệu lực từ ngày (không bắt buộc)', en: 'Valid from (optional)' }, validFrom, 'details.validFrom'),
    field({ vi: 'Hiệu lực đến ngày (trống: không thời hạn)', en: 'Valid until (empty: no end)' }, validUntil, 'details.validUntil'),
    field({ vi: 'Phạm vi sử dụng', en: 'Scope' }, scope, 'details.scope'),
    field({ vi: 'Tệp PDF kết quả (không bắt buộc: trống thì hệ thống lập văn bản)', en: 'Result PDF (optional: empty, the system produces it)' }, file, 'uploadId'),
    message,
    h('div', { class: 'buttons' }, submit),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    message.hidden = true;
    submit.disabled = true;
    try {
      const chosen = file.files?.[0];
      const uploadId = chosen ? (await uploadFile(o.officer.user, chosen, undefined, () => undefined)).uploadId : undefined;
      const details = {
        typeCode: typeCode.value.trim(),
        typeName: typeName.value.trim(),
        title: title.value.trim(),
        summary: summary.value.trim(),
        scope: scope.value.trim(),
        ...(validFrom.value ? { validFrom: validFrom.value } : {}),
        ...(validUntil.value ? { validUntil: validUntil.value } : {}),
      };
      const json = JSON.stringify({ details, uploadId: chosen ? `${chosen.name}:${chosen.size}` : null });
      if (!sent || sent.json !== json) sent = { json, requestId: newRequestId() };
      const issued = await issueResult(o.officer.user, o.dossierId, { requestId: sent.requestId, details, ...(uploadId ? { uploadId } : {}) });
      await o.reloadWith({ kind: 'ok', text: tx(`Đã ban hành kết quả điện tử ${issued.documentCode}, đã ký số.`, `Electronic result ${issued.documentCode} issued and signed.`) });
    } catch (err) {
      submit.disabled = false;
      const fields = err instanceof ApiCallError ? (err.body?.error.fields ?? []) : [];
      const unmatched = fields.length > 0 ? showFieldErrors(form, fields) : 0;
      if (fields.length === 0 || unmatched > 0) {
        message.textContent = t(describeError(err));
        message.hidden = false;
        message.focus();
      }
    }
  });
  return form;
}

export function resultsSection(o: ResultsArea): HTMLElement | null {
  const results = o.answer.results;
  const mayIssue = resultIssueProblem(o.answer.dossier, o.officer) === undefined;
  if (results.length === 0 && !mayIssue) return null;
  const status = h('p', { class: 'status', role: 'status', id: 'result-status' });
  return h(
    'section',
    { 'aria-labelledby': 'results-title', id: 'dossier-results' },
    h('h3', { id: 'results-title' }, tx('Kết quả điện tử', 'Electronic result')),
    results.length > 0 ? h('ul', { id: 'results-list' }, ...results.map((r) => resultRow(o, r, status))) : h('p', {}, tx('Chưa có kết quả điện tử.', 'No electronic result yet.')),
    status,
    mayIssue ? issueForm(o) : null,
  );
}

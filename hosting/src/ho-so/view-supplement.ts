// The agency's supplement request as the citizen answers it: the reason and guidance, and for each
// document asked for a file input with its progress and the files added so far.
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { ACCEPT_ATTRIBUTE, FILE_HINT } from '../shared/upload.js';
import { supplementFiles } from './state.js';
import type { DossierDoc } from './store.js';
import { addSupplementFiles, itemKey, sendSupplement } from './supplement.js';
import { when } from './view-parts.js';

export function supplementSection(d: DossierDoc): HTMLElement | null {
  if (d.status !== 'awaitingSupplement' || !d.supplement) return null;
  const s = d.supplement;
  const items = s.items.map((item, i) => {
    const key = itemKey(item, i);
    const inputId = `supplement-files-${i}`;
    const input = h('input', { id: inputId, type: 'file', multiple: true, accept: ACCEPT_ATTRIBUTE, 'aria-describedby': `${inputId}-hint` });
    const progress = h('ul', { class: 'progress-list', 'aria-live': 'polite' });
    input.addEventListener('change', () => void addSupplementFiles(key, input, progress));
    const added = supplementFiles.get(key) ?? [];
    return h(
      'fieldset',
      { 'data-item': key },
      h('legend', {}, item.name),
      h('p', {}, item.problem),
      item.replaceFiles ? h('p', { class: 'hint' }, t({ vi: 'Tệp mới sẽ thay tệp đã nộp (tệp cũ vẫn được lưu).', en: 'The new files replace those handed in (the old ones are kept).' })) : null,
      h('label', { for: inputId }, t({ vi: 'Tải lên giấy tờ bổ sung', en: 'Upload the document' })),
      h('p', { class: 'hint', id: `${inputId}-hint` }, t(FILE_HINT)),
      input,
      progress,
      added.length ? h('ul', { class: 'files' }, ...added.map((f) => h('li', {}, f.fileName))) : null,
    );
  });
  const button = h('button', { type: 'submit', id: 'send-supplement' }, t({ vi: 'Gửi hồ sơ bổ sung', en: 'Send the supplement' }));
  const form = h(
    'form',
    { id: 'supplement-form', novalidate: true },
    h('h2', { id: 'supplement-title' }, t({ vi: 'Cơ quan yêu cầu bổ sung hồ sơ', en: 'The agency asks for more documents' })),
    h('p', {}, h('strong', {}, `${t({ vi: 'Lý do', en: 'Reason' })}: `), h('span', { 'data-testid': 'supplement-reason' }, s.reason)),
    s.guidance ? h('p', {}, h('strong', {}, `${t({ vi: 'Hướng dẫn', en: 'Guidance' })}: `), s.guidance) : null,
    h('p', { class: 'hint' }, t({ vi: `Yêu cầu lúc ${when(s.requestedAt)}. Chỉ cần bổ sung đúng những giấy tờ dưới đây.`, en: `Requested at ${when(s.requestedAt)}. Only the documents below are needed.` })),
    ...items,
    h('div', { class: 'actions' }, button),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void sendSupplement(d, button);
  });
  return h('section', { class: 'panel note', 'aria-labelledby': 'supplement-title' }, form);
}

// Procedures: open one by its national code (or pick it from the catalogue), see its versions and how many
// dossiers each one pins, and write the next version from the one in force (or the first version of a
// new procedure). A version in force is never edited: dossiers keep the one they were received under.
import { describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { catalogue, createVersion, getProcedure, listAgencies, type AdminAgency } from './api.js';
import { done, field, showRefusal, textInput } from './form-kit.js';
import { procedureForm, type VersionFields } from './procedure-form.js';
import type { View, ViewContext } from './state.js';

const CODE = /^\d\.\d{6}$/;

export function mountProcedures(root: HTMLElement, { admin }: ViewContext): View {
  let agencies: AdminAgency[] = [];
  const code = textInput('', { placeholder: '1.004227', inputmode: 'decimal', autocomplete: 'off', list: 'procedure-codes' });
  const codes = h('datalist', { id: 'procedure-codes' });
  const detail = h('section', { class: 'procedure-detail', 'aria-live': 'polite' });
  const open = h('form', { class: 'inline', novalidate: true, role: 'search' }, field({ vi: 'Mã thủ tục', en: 'Procedure code' }, code, 'code', { vi: 'Mã trong Cơ sở dữ liệu quốc gia về TTHC, ví dụ 1.004227', en: 'The national catalogue code, e.g. 1.004227' }), codes, h('button', { type: 'submit' }, t({ vi: 'Mở', en: 'Open' })));
  root.append(h('h2', {}, t({ vi: 'Thủ tục hành chính', en: 'Procedures' })), open, detail);

  open.addEventListener('submit', (event) => {
    event.preventDefault();
    void show(code.value.trim());
  });

  async function show(value: string): Promise<void> {
    if (!CODE.test(value)) {
      detail.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, t({ vi: 'Mã thủ tục có dạng 1.004227.', en: 'A procedure code looks like 1.004227.' })));
      code.setAttribute('aria-invalid', 'true');
      code.focus();
      return;
    }
    code.removeAttribute('aria-invalid');
    try {
      const { procedure, versions } = await getProcedure(admin.user, value);
      const write = () => {
        const { code: _c, version: _v, effectiveTo: _e, ...fields } = procedure ?? ({} as Partial<NonNullable<typeof procedure>>);
        const form = procedureForm(value, procedure ? (fields as VersionFields) : undefined, agencies, async (next) => {
          try {
            const res = await createVersion(admin.user, value, { basedOnVersion: procedure?.version ?? null, ...next });
            await show(value);
            done(detail, { vi: `Đã tạo phiên bản ${res.procedure.version} của thủ tục ${value}.`, en: `Version ${res.procedure.version} of procedure ${value} created.` });
          } catch (err) {
            showRefusal(form, err);
          }
        });
        detail.append(form);
        form.querySelector<HTMLElement>('input')?.focus();
      };
      detail.replaceChildren(
        h('div', {}, procedure
          ? h('h3', {}, `${value} — ${t(procedure.name)}`)
          : h('p', { class: 'notice' }, t({ vi: `Chưa có thủ tục ${value}.`, en: `There is no procedure ${value} yet.` })),
        versions.length > 0
          ? h(
              'table',
              { class: 'versions' },
              h('caption', {}, t({ vi: 'Các phiên bản', en: 'Versions' })),
              h('thead', {}, h('tr', {}, ...[{ vi: 'Phiên bản', en: 'Version' }, { vi: 'Áp dụng từ', en: 'In force from' }, { vi: 'Hồ sơ đang gắn', en: 'Dossiers pinned' }].map((c) => h('th', { scope: 'col' }, t(c))))),
              h('tbody', {}, ...versions.map((v) => h('tr', { 'data-version': v.version }, h('td', {}, String(v.version), v.version === procedure?.version ? ` (${t({ vi: 'đang áp dụng', en: 'in force' })})` : ''), h('td', {}, v.effectiveFrom), h('td', {}, String(v.pinnedBy))))),
            )
          : null,
        h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'new-version', onclick: write }, t(procedure ? { vi: 'Soạn phiên bản mới', en: 'Write a new version' } : { vi: 'Tạo thủ tục', en: 'Create the procedure' })))),
      );
    } catch (err) {
      detail.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, t(describeError(err))));
    }
  }

  void (async () => {
    try {
      agencies = await listAgencies(admin.user);
      const page = await catalogue();
      codes.replaceChildren(...page.items.map((p) => h('option', { value: p.code }, t(p.name))));
    } catch {
      // opening by code still works; the answer says what went wrong
    }
  })();
  return { unmount: () => undefined };
}

// Agencies: the province's hierarchy as a tree (each agency under its parent), with kind, identifier,
// contact and whether it has ceased (and into which successor); a form to add or correct one, and the
// merger of one into its successor.
import { AGENCY_KIND_LABELS } from '../../../functions/src/contract/index.js';
import { describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { agencyForm } from './agency-form.js';
import { listAgencies, mergeAgency, saveAgency, type AdminAgency } from './api.js';
import { done, showRefusal } from './form-kit.js';
import { mergeForm, type MergeRequest } from './merge-form.js';
import type { View, ViewContext } from './state.js';

export function mountAgencies(root: HTMLElement, { admin }: ViewContext): View {
  let agencies: AdminAgency[] = [];
  const tree = h('div', { class: 'tree' });
  const panel = h('section', { class: 'panel-edit', 'aria-live': 'polite' });
  root.append(
    h('h2', {}, t({ vi: 'Cơ quan', en: 'Agencies' })),
    h('p', { class: 'hint' }, t({ vi: 'Cây tổ chức của tỉnh: mỗi cơ quan nằm dưới cơ quan cấp trên.', en: 'The province’s organisation: each agency under its parent.' })),
    h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'add-agency', onclick: () => edit(undefined) }, t({ vi: 'Thêm cơ quan', en: 'Add an agency' }))),
    panel,
    tree,
  );

  const nameOf = (id: string) => {
    const found = agencies.find((a) => a.id === id);
    return found ? t(found.name) : id;
  };

  function item(a: AdminAgency): HTMLElement {
    const ceased = a.effectiveTo !== undefined;
    const children = agencies.filter((c) => c.parentId === a.id).sort((x, y) => Number(x.effectiveTo !== undefined) - Number(y.effectiveTo !== undefined) || x.id.localeCompare(y.id));
    return h(
      'li',
      { 'data-agency': a.id, class: ceased ? 'ceased' : undefined },
      h('strong', {}, t(a.name)),
      ' ',
      h('code', {}, a.id),
      h('br'),
      h('span', { class: 'meta' }, [a.kind ? t(AGENCY_KIND_LABELS[a.kind]) : t({ vi: 'Chưa phân loại', en: 'Kind not set' }), a.hasOneStopDesk ? t({ vi: 'có Bộ phận Một cửa', en: 'one-stop desk' }) : null, a.phone, a.email].filter(Boolean).join(' · ')),
      ceased
        ? h('p', { class: 'notice' }, t({
            vi: `Đã ngừng hoạt động sau ngày ${a.effectiveTo}${a.successorId ? `, sáp nhập vào ${nameOf(a.successorId)}` : ''}.${a.merger && !a.merger.done ? ` Còn ${a.merger.remaining} hồ sơ chưa chuyển.` : ''}`,
            en: `Ceased after ${a.effectiveTo}${a.successorId ? `, merged into ${nameOf(a.successorId)}` : ''}.${a.merger && !a.merger.done ? ` ${a.merger.remaining} dossiers still to move.` : ''}`,
          }))
        : h(
            'div',
            { class: 'buttons' },
            h('button', { type: 'button', class: 'secondary small', 'data-edit': a.id, onclick: () => edit(a) }, t({ vi: 'Sửa', en: 'Edit' }), h('span', { class: 'visually-hidden' }, ` ${t(a.name)}`)),
            h('button', { type: 'button', class: 'secondary small', 'data-merge': a.id, onclick: () => merge(a) }, t({ vi: 'Sáp nhập', en: 'Merge' }), h('span', { class: 'visually-hidden' }, ` ${t(a.name)}`)),
          ),
      a.merger && !a.merger.done ? h('button', { type: 'button', class: 'small', onclick: () => merge(a, { successorId: a.merger!.successorId, effectiveOn: a.merger!.effectiveOn, basis: a.merger!.basis }) }, t({ vi: 'Tiếp tục chuyển hồ sơ', en: 'Continue moving dossiers' })) : null,
      children.length > 0 ? h('ul', {}, ...children.map(item)) : null,
    );
  }

  function drawTree(): void {
    const ids = new Set(agencies.map((a) => a.id));
    const roots = agencies.filter((a) => !a.parentId || !ids.has(a.parentId));
    tree.replaceChildren(h('ul', { class: 'agency-tree' }, ...roots.map(item)));
  }

  async function load(): Promise<void> {
    try {
      agencies = await listAgencies(admin.user);
      drawTree();
    } catch (err) {
      tree.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, t(describeError(err))));
    }
  }

  function edit(agency: AdminAgency | undefined): void {
    const form = agencyForm(agency, agencies, async (id, fields) => {
      try {
        const res = await saveAgency(admin.user, id, fields, agency?.updateTime ?? null);
        panel.replaceChildren();
        done(panel, { vi: `Đã lưu ${res.agency.name.vi}.`, en: `${res.agency.name.en} saved.` });
        await load();
      } catch (err) {
        showRefusal(form, err);
      }
    });
    panel.replaceChildren(form);
    form.querySelector<HTMLElement>('input:not([readonly]), select')?.focus();
  }

  function merge(agency: AdminAgency, resume?: MergeRequest): void {
    const run = async (request: MergeRequest, form?: HTMLElement) => {
      try {
        const res = await mergeAgency(admin.user, agency.id, request);
        const m = res.merger;
        panel.replaceChildren(
          h('div', {}, h('p', { class: `notice ${m.done ? 'notice-ok' : ''}`, role: 'status', id: 'merge-result' }, t({
            vi: `${agency.name.vi} đã sáp nhập vào ${nameOf(m.successorId)}: đã chuyển ${m.moved} hồ sơ${m.done ? '' : `, còn ${m.remaining}`}${res.skipped.length ? `; ${res.skipped.length} hồ sơ không chuyển được` : ''}.`,
            en: `${agency.name.en} merged into ${nameOf(m.successorId)}: ${m.moved} dossiers moved${m.done ? '' : `, ${m.remaining} to go`}${res.skipped.length ? `; ${res.skipped.length} could not move` : ''}.`,
          })),
          m.done ? null : h('button', { type: 'button', onclick: () => void run(request) }, t({ vi: 'Tiếp tục chuyển hồ sơ', en: 'Continue moving dossiers' }))),
        );
        await load();
      } catch (err) {
        if (form) showRefusal(form, err);
        else panel.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, t(describeError(err))));
      }
    };
    if (resume) {
      void run(resume);
      return;
    }
    const form = mergeForm(agency, agencies, (request) => void run(request, form));
    panel.replaceChildren(form);
    form.querySelector<HTMLElement>('select')?.focus();
  }

  void load();
  return { unmount: () => undefined };
}

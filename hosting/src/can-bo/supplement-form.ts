// The supplement request (form 02): each item picks one of the dossier's components — or, said
// explicitly, "another document" with its name — so the citizen's answer is filed under exactly that
// component. For a document already on file the officer says whether the new files replace the old ones
// (kept on record, marked replaced) or add to them. The reason for another round appears only when a
// round was already asked at this stage and the rule set allows one.
import type { Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { freshComponentId, RULE_SET_BEHAVIOUR } from '../../../functions/src/contract/index.js';
import { REQUIRED, text, type BuiltForm, type FormContext } from './action-form-parts.js';
import { field, select, textInput, uid } from './forms.js';
import { tx } from './labels.js';

export const NEW_DOCUMENT = '__new__';
/** Prefix of an option naming a component of the procedure that the dossier does not hold. */
const LISTED = 'listed:';

/** Decree 61 let a lead ask for a further supplement round with a written reason; Decree 118 does not. */
function leadMayRepeat(ruleSet: string): boolean {
  return Object.hasOwn(RULE_SET_BEHAVIOUR, ruleSet) && RULE_SET_BEHAVIOUR[ruleSet as keyof typeof RULE_SET_BEHAVIOUR].supplement.leadMayRepeat;
}

/** A round was already asked at this stage (reception check, or after reception). */
function roundAlreadyAsked(d: FormContext['dossier']): boolean {
  const count = (d as { supplementCount?: { reception: number; handling: number } }).supplementCount;
  if (!count) return false;
  return (d.status === 'registered' ? count.reception : count.handling) >= 1;
}

/** The name of a component of this dossier as officers read it. */
export function componentLabel(ctx: Pick<FormContext, 'componentNames'>, c: { componentId: string; name?: string }): string {
  const known = ctx.componentNames.get(c.componentId);
  return c.name ?? (known ? t(known) : c.componentId);
}

type ItemRow = { li: HTMLLIElement; which: HTMLSelectElement; name: HTMLInputElement; mode: HTMLSelectElement; problem: HTMLInputElement };

export function requestSupplementForm(ctx: FormContext): BuiltForm {
  const held = ctx.dossier.components ?? [];
  // The procedure's documents the applicant has not handed in: asked for as new, under their own id.
  const notHeld = [...ctx.componentNames].filter(([id]) => !held.some((c) => c.componentId === id));
  const list = h('ol', { class: 'items' });
  const rows: ItemRow[] = [];
  const addItem = (): HTMLSelectElement => {
    const i = rows.length;
    const which = select(
      [
        { value: '', label: tx('— Chọn giấy tờ —', '— Choose the document —') },
        ...held.map((c) => ({ value: c.componentId, label: componentLabel(ctx, c) })),
        ...notHeld.map(([id, name]) => ({ value: `${LISTED}${id}`, label: `${t(name)} — ${tx('chưa nộp', 'not handed in')}` })),
        { value: NEW_DOCUMENT, label: tx('Giấy tờ khác, chưa có trong hồ sơ (ghi rõ tên)', 'Another document, not in the dossier (name it)') },
      ],
      '',
    );
    which.name = `items.${i}.componentId`;
    const name = textInput({ name: `items.${i}.name`, maxlength: 255 });
    const mode = select(
      [
        { value: 'replace', label: tx('Nộp lại, thay tệp đã nộp (tệp cũ vẫn được lưu)', 'Hand in again, replacing the files (old ones kept)') },
        { value: 'add', label: tx('Nộp thêm, giữ tệp đã nộp', 'Add to the files handed in') },
      ],
      'replace',
    );
    mode.name = `items.${i}.replaceFiles`;
    const problem = textInput({ name: `items.${i}.problem`, maxlength: 1000 });
    const nameWrap = field({ vi: `Tên giấy tờ khác ${i + 1}`, en: `Name of the other document ${i + 1}` }, name, `items.${i}.name`);
    const modeWrap = field({ vi: `Tệp mới ${i + 1}`, en: `New files ${i + 1}` }, mode, `items.${i}.replaceFiles`);
    const li = h(
      'li',
      { class: 'item' },
      field({ vi: `Giấy tờ cần bổ sung ${i + 1}`, en: `Document to add or fix ${i + 1}` }, which, `items.${i}.componentId`),
      nameWrap,
      modeWrap,
      field({ vi: `Cần bổ sung, sửa gì ${i + 1}`, en: `What is missing or wrong ${i + 1}` }, problem, `items.${i}.problem`),
    );
    // Only what applies: the name for another document, the replace/add choice for one on file.
    const sync = () => {
      nameWrap.hidden = which.value !== NEW_DOCUMENT;
      modeWrap.hidden = which.value === '' || which.value === NEW_DOCUMENT || which.value.startsWith(LISTED);
    };
    which.addEventListener('change', sync);
    sync();
    rows.push({ li, which, name, mode, problem });
    list.append(li);
    return which;
  };
  addItem();
  const reason = text('reason', { vi: 'Lý do', en: 'Reason' }, { required: true, long: true });
  const guidance = text('guidance', { vi: 'Hướng dẫn (không bắt buộc)', en: 'Guidance (optional)' }, { long: true });
  const override =
    leadMayRepeat(ctx.dossier.ruleSet) && roundAlreadyAsked(ctx.dossier)
      ? text('overrideReason', { vi: 'Lý do yêu cầu bổ sung thêm lần nữa', en: 'Reason for another round' }, { required: true, long: true })
      : undefined;
  const itemsAnchor = h('p', { class: 'field-error', 'data-error-for': 'items', hidden: true, id: uid('items-error') });
  const itemsLegend = h('span', { 'data-path': 'items', tabindex: -1 }, tx('Liệt kê đầy đủ một lần mọi giấy tờ cần bổ sung', 'List everything missing at once'));
  return {
    fields: h(
      'div',
      {},
      h('fieldset', {}, h('legend', {}, itemsLegend), list, itemsAnchor, h('button', { type: 'button', class: 'secondary', onclick: () => addItem().focus() }, tx('Thêm giấy tờ', 'Add a document'))),
      reason.wrap,
      guidance.wrap,
      override?.wrap,
    ),
    read: () => {
      const errors: { path: string; message: Bilingual }[] = [];
      const items: Record<string, unknown>[] = [];
      const taken = held.map((c) => c.componentId);
      const chosen = new Set<string>();
      rows.forEach((row, i) => {
        const which = row.which.value;
        const problem = row.problem.value.trim();
        const name = row.name.value.trim();
        if (!which && !problem) return;
        if (!which) errors.push({ path: `items.${i}.componentId`, message: { vi: 'Chọn giấy tờ trong hồ sơ, hoặc "Giấy tờ khác"', en: 'Choose a document of the dossier, or "Another document"' } });
        if (which && which !== NEW_DOCUMENT && chosen.has(which)) errors.push({ path: `items.${i}.componentId`, message: { vi: 'Giấy tờ này đã có trong danh sách', en: 'This document is already listed' } });
        chosen.add(which);
        if (which === NEW_DOCUMENT && !name) errors.push({ path: `items.${i}.name`, message: REQUIRED });
        if (!problem) errors.push({ path: `items.${i}.problem`, message: REQUIRED });
        if (which === NEW_DOCUMENT) {
          const componentId = freshComponentId([...taken, ...ctx.componentNames.keys()]);
          taken.push(componentId);
          items.push({ componentId, isNew: true, name, problem });
        } else if (which.startsWith(LISTED)) {
          const componentId = which.slice(LISTED.length);
          items.push({ componentId, isNew: true, name: ctx.componentNames.get(componentId)!.vi, problem });
        } else {
          const c = held.find((x) => x.componentId === which);
          items.push({ componentId: which, replaceFiles: row.mode.value === 'replace', name: c?.name ?? ctx.componentNames.get(which)?.vi ?? which, problem });
        }
      });
      if (items.length === 0) errors.push({ path: 'items', message: { vi: 'Cần ít nhất một giấy tờ', en: 'at least one document is needed' } });
      const action: Record<string, unknown> = { type: 'requestSupplement', items };
      for (const p of [reason, guidance, ...(override ? [override] : [])]) {
        const v = p.control.value.trim();
        if (v) action[p.path] = v;
        else if (p.required) errors.push({ path: p.path, message: REQUIRED });
      }
      return errors.length > 0 ? { errors } : { action };
    },
    describe: (action) => [
      ...(action.items as { name: string; problem: string; replaceFiles?: boolean; isNew?: boolean }[]).map(
        (it, i) => `${i + 1}. ${it.name}${it.isNew ? ` (${tx('giấy tờ mới', 'new document')})` : it.replaceFiles ? ` (${tx('nộp lại, thay tệp cũ', 'replaces the files')})` : ''}: ${it.problem}`,
      ),
      `${tx('Lý do', 'Reason')}: ${String(action.reason)}`,
    ],
  };
}

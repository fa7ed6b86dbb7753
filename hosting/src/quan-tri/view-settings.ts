// Rule-set settings an administrator may correct (domain/rule-set/settings.ts): the dossier code's year
// digits and sequence width, and the national portal's identifier in the codes of online dossiers. Empty
// fields keep the rule set's defaults (Circular 01: a 2-digit year and a 4-digit sequence).
import { describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { listSettings, saveSettings, type RuleSetSettingsView } from './api.js';
import { done, field, numberInput, select, showRefusal, summary, textArea, textInput, valueOf } from './form-kit.js';
import type { View, ViewContext } from './state.js';

export function mountSettings(root: HTMLElement, { admin }: ViewContext): View {
  const panel = h('div', { 'aria-live': 'polite' });
  root.append(h('h2', {}, t({ vi: 'Cài đặt mã hồ sơ theo bộ quy định', en: 'Dossier-code settings per rule set' })), panel);

  function formOf(view: RuleSetSettingsView): HTMLFormElement {
    const s = view.settings;
    const id = `settings-${view.ruleSet}`;
    const form = h(
      'form',
      { novalidate: true, 'aria-labelledby': id, 'data-rule-set': view.ruleSet },
      h('h3', { id }, t(view.label)),
      summary(),
      field({ vi: 'Số chữ số của năm', en: 'Year digits' }, select([{ value: '', label: t({ vi: 'Mặc định (2)', en: 'Default (2)' }) }, { value: '2', label: '2' }, { value: '4', label: '4' }], s?.code ? String(s.code.yearDigits) : ''), 'code.yearDigits'),
      field({ vi: 'Số chữ số của số thứ tự (4–9)', en: 'Sequence digits (4–9)' }, numberInput(s?.code?.sequenceWidth ?? '', { min: 4, max: 9 }), 'code.sequenceWidth'),
      field({ vi: 'Mã định danh Cổng Dịch vụ công quốc gia (hồ sơ nộp trực tuyến)', en: 'National portal identifier (online dossiers)' }, textInput(s?.onlineIssuer ?? '', { placeholder: 'G09.20' }), 'onlineIssuer', {
        vi: 'Để trống: mã hồ sơ nộp trực tuyến mang mã cơ quan tiếp nhận.',
        en: 'Empty: online dossier codes carry the receiving agency’s identifier.',
      }),
      field({ vi: 'Nguồn, căn cứ', en: 'Source' }, textArea(s?.source ?? '', { rows: 2 }), 'source'),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, t({ vi: 'Lưu cài đặt', en: 'Save the settings' }))),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const year = valueOf(form, 'code.yearDigits');
      const width = valueOf(form, 'code.sequenceWidth');
      const onlineIssuer = valueOf(form, 'onlineIssuer');
      const source = valueOf(form, 'source');
      try {
        await saveSettings(
          admin.user,
          view.ruleSet,
          {
            ...(year || width ? { code: { yearDigits: (year === '4' ? 4 : 2) as 2 | 4, sequenceWidth: width === '' ? 4 : Number(width) } } : {}),
            ...(onlineIssuer ? { onlineIssuer } : {}),
            ...(source ? { source } : {}),
          },
          view.updateTime,
        );
        await load();
        done(panel, { vi: `Đã lưu cài đặt ${view.label.vi}.`, en: `Settings of ${view.label.en} saved.` });
      } catch (err) {
        showRefusal(form, err);
      }
    });
    return form;
  }

  async function load(): Promise<void> {
    try {
      const views = await listSettings(admin.user);
      panel.replaceChildren(...views.map(formOf));
    } catch (err) {
      panel.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, t(describeError(err))));
    }
  }

  void load();
  return { unmount: () => undefined };
}

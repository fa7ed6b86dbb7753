// Working calendars, one year at a time: weekly rest days, days off (holidays, days in lieu, swapped
// days off), make-up working days, where the dates were announced and whether they are still
// provisional. A swap adds both halves at once: the working day taken off and the rest day worked
// instead. A save is checked with the other years and counts for the next due date at once.
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { describeError } from '../shared/api.js';
import { listCalendars, saveCalendar, type AdminCalendar, type CalendarFields } from './api.js';
import { checkbox, checked, dateInput, done, field, rowList, rowsOf, select, showRefusal, summary, textArea, textInput, valueOf } from './form-kit.js';
import type { View, ViewContext } from './state.js';

type Day = CalendarFields['holidays'][number];
const WEEKDAYS = [
  { vi: 'Chủ nhật', en: 'Sunday' },
  { vi: 'Thứ Hai', en: 'Monday' },
  { vi: 'Thứ Ba', en: 'Tuesday' },
  { vi: 'Thứ Tư', en: 'Wednesday' },
  { vi: 'Thứ Năm', en: 'Thursday' },
  { vi: 'Thứ Sáu', en: 'Friday' },
  { vi: 'Thứ Bảy', en: 'Saturday' },
];

const keyed = <T extends HTMLElement>(el: T, key: string): T => {
  el.dataset.key = key;
  return el;
};
const inRow = (row: HTMLElement, key: string) => row.querySelector<HTMLInputElement>(`[data-key="${key}"]`)?.value.trim() ?? '';

function dayRows(legend: { vi: string; en: string }, path: string, days: readonly Day[], add: { vi: string; en: string }): HTMLFieldSetElement {
  return rowList(
    legend,
    days,
    (d, i) =>
      h(
        'div',
        { class: 'row-fields' },
        field({ vi: 'Ngày', en: 'Date' }, keyed(dateInput(d?.date ?? ''), 'date'), `${path}.${i}.date`),
        field({ vi: 'Lý do (tiếng Việt)', en: 'Reason (Vietnamese)' }, keyed(textInput(d?.name.vi ?? ''), 'vi'), `${path}.${i}.name.vi`),
        field({ vi: 'Lý do (tiếng Anh)', en: 'Reason (English)' }, keyed(textInput(d?.name.en ?? '', { lang: 'en' }), 'en'), `${path}.${i}.name.en`),
      ),
    add,
    path,
  );
}
const readDays = (form: HTMLElement, path: string): Day[] => rowsOf(form, path).map((r) => ({ date: inRow(r, 'date'), name: { vi: inRow(r, 'vi'), en: inRow(r, 'en') } }));

export function mountCalendars(root: HTMLElement, { admin }: ViewContext): View {
  let calendars: AdminCalendar[] = [];
  const warning = h('p', { class: 'notice', role: 'status', hidden: true });
  const picker = select([]);
  const panel = h('section', { class: 'calendar-panel', 'aria-live': 'polite' });
  const newYear = h('button', { type: 'button', class: 'secondary', id: 'new-year', onclick: () => openYear(undefined) }, t({ vi: 'Thêm năm', en: 'Add a year' }));
  root.append(h('h2', {}, t({ vi: 'Lịch làm việc', en: 'Working calendars' })), warning, h('div', { class: 'row-fields' }, field({ vi: 'Năm', en: 'Year' }, picker, 'year'), newYear), panel);
  picker.addEventListener('change', () => openYear(calendars.find((c) => String(c.year) === picker.value)));

  function openYear(calendar: AdminCalendar | undefined): void {
    const last = calendars[calendars.length - 1];
    const year = calendar?.year ?? (last ? last.year + 1 : new Date().getUTCFullYear());
    const fields: CalendarFields = calendar ?? { weeklyRestDays: last?.weeklyRestDays ?? [0, 6], holidays: [], makeUpWorkingDays: [], source: '', provisional: true };
    const holidays = dayRows({ vi: 'Ngày nghỉ (lễ, nghỉ bù, nghỉ hoán đổi)', en: 'Days off (holidays, in lieu, swapped)' }, 'holidays', fields.holidays, { vi: 'Thêm ngày nghỉ', en: 'Add a day off' });
    const makeUps = dayRows({ vi: 'Ngày làm bù', en: 'Make-up working days' }, 'makeUpWorkingDays', fields.makeUpWorkingDays, { vi: 'Thêm ngày làm bù', en: 'Add a make-up day' });
    const swap = h('button', {
      type: 'button',
      class: 'secondary small',
      id: 'add-swap',
      onclick: () => {
        // A swap is a working day taken off and a rest day worked instead: one row in each list.
        holidays.querySelector<HTMLButtonElement>(':scope > button')?.click();
        makeUps.querySelector<HTMLButtonElement>(':scope > button')?.click();
        const off = rowsOf(form, 'holidays').at(-1);
        const worked = rowsOf(form, 'makeUpWorkingDays').at(-1);
        for (const [row, vi, en] of [[off, 'Nghỉ hoán đổi', 'Swapped day off'], [worked, 'Làm bù cho ngày nghỉ hoán đổi', 'Make-up day for the swapped day off']] as const) {
          if (!row) continue;
          row.querySelector<HTMLInputElement>('[data-key="vi"]')!.value = vi;
          row.querySelector<HTMLInputElement>('[data-key="en"]')!.value = en;
        }
        off?.querySelector<HTMLInputElement>('[data-key="date"]')?.focus();
      },
    }, t({ vi: 'Thêm cặp ngày hoán đổi (nghỉ + làm bù)', en: 'Add a swap (day off + make-up day)' }));
    const form: HTMLFormElement = h(
      'form',
      { novalidate: true, 'aria-labelledby': 'calendar-title' },
      h('h3', { id: 'calendar-title' }, t({ vi: `Lịch làm việc năm ${year}`, en: `Working calendar ${year}` })),
      summary(),
      calendar ? null : field({ vi: 'Năm', en: 'Year' }, textInput(String(year), { inputmode: 'numeric' }), 'year'),
      h(
        'fieldset',
        { 'data-path': 'weeklyRestDays', tabindex: '-1' },
        h('legend', {}, t({ vi: 'Ngày nghỉ hằng tuần', en: 'Weekly rest days' })),
        h('p', { class: 'field-error', 'data-error-for': 'weeklyRestDays', hidden: true }),
        ...WEEKDAYS.map((d, i) => checkbox(d, fields.weeklyRestDays.includes(i), `weeklyRestDays.${i}`)),
      ),
      holidays,
      makeUps,
      swap,
      field({ vi: 'Văn bản công bố (nguồn)', en: 'Where the dates were announced' }, textArea(fields.source, { rows: 3 }), 'source'),
      checkbox({ vi: 'Tạm tính, chưa công bố chính thức', en: 'Provisional, not officially announced yet' }, fields.provisional === true, 'provisional'),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, t({ vi: 'Lưu lịch', en: 'Save the calendar' }))),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const target = calendar ? calendar.year : Number(valueOf(form, 'year'));
      const body: CalendarFields = {
        weeklyRestDays: WEEKDAYS.map((_, i) => i).filter((i) => checked(form, `weeklyRestDays.${i}`)),
        holidays: readDays(form, 'holidays'),
        makeUpWorkingDays: readDays(form, 'makeUpWorkingDays'),
        source: valueOf(form, 'source'),
        provisional: checked(form, 'provisional'),
      };
      try {
        await saveCalendar(admin.user, target, body, calendar?.updateTime ?? null);
        await load(target);
        done(panel, { vi: `Đã lưu lịch năm ${target}; hạn giải quyết tính từ nay theo lịch mới.`, en: `Calendar ${target} saved; deadlines from now on use it.` });
      } catch (err) {
        showRefusal(form, err);
      }
    });
    panel.replaceChildren(form);
  }

  async function load(select?: number): Promise<void> {
    try {
      const res = await listCalendars(admin.user);
      calendars = res.calendars;
      warning.hidden = res.warning === null;
      warning.textContent = res.warning ? t(res.warning.message) : '';
      picker.replaceChildren(...calendars.map((c) => h('option', { value: String(c.year) }, `${c.year}${c.provisional ? ` (${t({ vi: 'tạm tính', en: 'provisional' })})` : ''}`)));
      const chosen = calendars.find((c) => c.year === select) ?? calendars.find((c) => c.year === new Date().getUTCFullYear()) ?? calendars[0];
      if (chosen) picker.value = String(chosen.year);
      openYear(chosen);
    } catch (err) {
      panel.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, t(describeError(err))));
    }
  }

  void load();
  return { unmount: () => undefined };
}

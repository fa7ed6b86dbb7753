// The officers at each one-stop desk (Decree 61/2018 Art. 12: public), with the desk's address, phone
// and working hours; agencies that no longer exist are left out.
import { byId, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { displayPhone, telHref } from '../shared/phone.js';
import { data } from './state.js';
import { cardTable, put, status } from './view-parts.js';

export function renderAgencies(): void {
  const { agencies } = data;
  const section = byId('directory');
  const desks = (agencies ?? []).filter((a) => a.hasOneStopDesk && !a.effectiveTo);
  put(
    section,
    h('h2', {}, t({ vi: 'Công chức tại Bộ phận Một cửa', en: 'Officers at the one-stop desks' })),
    status('agencies', agencies === null),
    ...desks.map((a) =>
      h(
        'article',
        { class: 'agency', 'data-agency': a.id },
        h('h3', {}, t(a.name)),
        a.address ? h('p', {}, a.address) : null,
        a.phone ? h('p', {}, `${t({ vi: 'Điện thoại', en: 'Phone' })}: `, h('a', { href: telHref(a.phone) }, displayPhone(a.phone))) : null,
        a.workingHours
          ? h('p', {}, `${t({ vi: 'Giờ làm việc', en: 'Working hours' })}: ${a.workingHours.periods.map((p) => `${p.start}–${p.end}`).join(', ')}`)
          : null,
        a.officers.length === 0
          ? h('p', { class: 'en' }, t({ vi: 'Chưa công bố danh sách công chức.', en: 'No officer list published yet.' }))
          : cardTable(
              h(
                'table',
                { 'data-testid': 'officers' },
                h('caption', { class: 'visually-hidden' }, `${t({ vi: 'Công chức tại', en: 'Officers at' })} ${t(a.name)}`),
                h(
                  'thead',
                  {},
                  h(
                    'tr',
                    {},
                    h('th', { scope: 'col' }, t({ vi: 'Họ và tên', en: 'Name' })),
                    h('th', { scope: 'col' }, t({ vi: 'Chức danh', en: 'Title' })),
                    h('th', { scope: 'col' }, t({ vi: 'Lĩnh vực', en: 'Field' })),
                    h('th', { scope: 'col' }, t({ vi: 'Điện thoại', en: 'Phone' })),
                  ),
                ),
                h(
                  'tbody',
                  {},
                  ...a.officers.map((o) =>
                    h('tr', {}, h('td', {}, o.fullName), h('td', {}, o.title), h('td', {}, o.field), h('td', {}, h('a', { href: telHref(o.phone) }, displayPhone(o.phone)))),
                  ),
                ),
              ),
            ),
      ),
    ),
  );
}

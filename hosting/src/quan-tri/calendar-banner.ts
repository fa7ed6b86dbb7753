// The next-year calendar warning at the top of the console (from 1 October while next year's calendar
// is missing or provisional), with a link to the calendars section.
import type { User } from 'firebase/auth';
import { byId, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { calendarWarning } from './api.js';
import { BASE } from './state.js';

export async function showCalendarWarning(user: User): Promise<void> {
  const banner = byId('calendar-warning');
  try {
    const { warning } = await calendarWarning(user);
    if (!warning) {
      banner.hidden = true;
      return;
    }
    banner.replaceChildren(t(warning.message), ' ', h('a', { href: `${BASE}lich` }, t({ vi: 'Mở lịch làm việc', en: 'Open the calendars' })));
    banner.hidden = false;
  } catch {
    banner.hidden = true; // the section itself says what went wrong
  }
}

// The warning above every view from 1 October while next year's working calendar is missing or still
// provisional: deadlines that run into next year cannot be computed (or may move). Officers cannot fix it;
// it tells them to ask an administrator, who enters the calendar in the admin console.
import type { User } from 'firebase/auth';
import { byId } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { fetchCalendarWarning } from './api.js';

export async function showCalendarWarning(user: User | undefined): Promise<void> {
  const banner = byId('calendar-warning');
  if (!user) {
    banner.hidden = true;
    return;
  }
  try {
    const { warning } = await fetchCalendarWarning(user);
    banner.textContent = warning ? t(warning.message) : '';
    banner.hidden = warning === null;
  } catch {
    banner.hidden = true; // a warning that cannot be fetched must not stand in the officer's way
  }
}

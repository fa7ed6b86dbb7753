// The citizen's notifications (the in-app inbox, live from Firestore) with a "mark read" button each,
// and the channels they want to hear on. Shown under the list of dossiers.
import type { User } from 'firebase/auth';
import type { Unsubscribe } from 'firebase/firestore';
import { APPLICANT_CHANNEL_DEFAULTS } from '../../../functions/src/contract/index.js';
import { describeError, type Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { onLangChange, t } from '../shared/i18n.js';
import { markRead as postRead, savePrefs, type Prefs } from './api.js';
import { readPrefs, watchInbox, type InboxEntry } from './store.js';

// Unticked means what the server does when nothing was chosen: the same table (domain APPLICANT_CHANNEL_DEFAULTS).
const CHANNELS: { key: keyof Prefs; label: Bilingual; byDefault: boolean }[] = [
  { key: 'inApp', label: { vi: 'Trên trang này', en: 'On this site' }, byDefault: APPLICANT_CHANNEL_DEFAULTS.inApp },
  { key: 'email', label: { vi: 'Thư điện tử', en: 'Email' }, byDefault: APPLICANT_CHANNEL_DEFAULTS.email },
  { key: 'sms', label: { vi: 'Tin nhắn SMS đến số điện thoại trong hồ sơ', en: 'Text message (SMS) to the phone number in the dossier' }, byDefault: APPLICANT_CHANNEL_DEFAULTS.sms },
  { key: 'zalo', label: { vi: 'Tin nhắn Zalo', en: 'Zalo message' }, byDefault: APPLICANT_CHANNEL_DEFAULTS.zalo },
];

/** Shows the inbox and the channel form in `container`; returns the listener to stop on sign-out. */
export async function mountInbox(container: HTMLElement, user: User): Promise<Unsubscribe> {
  let entries: InboxEntry[] | undefined;
  let prefs: Prefs = await readPrefs(user.uid);
  let note: { state: 'ok' | 'error'; text: Bilingual } | undefined;

  const render = () => {
    const unread = entries?.filter((e) => !e.readAt).length ?? 0;
    container.replaceChildren(
      h('section', { 'aria-labelledby': 'inbox-title' },
        h('h2', { id: 'inbox-title' }, t({ vi: `Thông báo (${unread} chưa đọc)`, en: `Notifications (${unread} unread)` })),
        !entries
          ? h('p', { class: 'status' }, t({ vi: 'Đang tải…', en: 'Loading…' }))
          : entries.length === 0
            ? h('p', {}, t({ vi: 'Chưa có thông báo.', en: 'No notifications yet.' }))
            : h('ul', { class: 'inbox', id: 'inbox-list' }, ...entries.map((e) =>
                h('li', { class: e.readAt ? 'read' : 'unread', 'data-id': e.id },
                  h('span', { class: 'when' }, e.createdAt ? formatDateTime(e.createdAt.toDate()) : ''),
                  h('span', { class: 'text' }, t(e.body)),
                  e.readAt ? null : h('button', { type: 'button', class: 'secondary mark-read', onclick: () => void markRead(e.id) }, t({ vi: 'Đã đọc', en: 'Mark read' })),
                ))),
      ),
      h('form', { id: 'prefs-form', class: 'panel', onsubmit: (ev: Event) => { ev.preventDefault(); void save(ev.currentTarget as HTMLFormElement); } },
        h('fieldset', {},
          h('legend', {}, t({ vi: 'Nhận thông báo qua', en: 'Notify me by' })),
          ...CHANNELS.map((c) => h('label', { class: 'check' },
            h('input', { type: 'checkbox', name: c.key, checked: prefs[c.key] ?? c.byDefault }), ' ', t(c.label))),
        ),
        h('button', { type: 'submit' }, t({ vi: 'Lưu lựa chọn', en: 'Save choices' })),
        note ? h('p', { class: 'status', role: 'status', 'data-state': note.state }, t(note.text)) : null,
      ),
    );
  };

  const markRead = async (id: string) => {
    try {
      await postRead(user, id);
    } catch (err) {
      note = { state: 'error', text: describeError(err) };
      render();
    }
  };
  const save = async (form: HTMLFormElement) => {
    const body = Object.fromEntries(CHANNELS.map((c) => [c.key, (form.elements.namedItem(c.key) as HTMLInputElement).checked]));
    try {
      prefs = await savePrefs(user, body);
      note = { state: 'ok', text: { vi: 'Đã lưu lựa chọn nhận thông báo.', en: 'Your choices are saved.' } };
    } catch (err) {
      note = { state: 'error', text: describeError(err) };
    }
    render();
  };

  onLangChange(render);
  render();
  return watchInbox(
    user.uid,
    (list) => {
      entries = list;
      render();
    },
    () => {
      note = { state: 'error', text: { vi: 'Không tải được thông báo.', en: 'Could not load notifications.' } };
      entries = [];
      render();
    },
  );
}

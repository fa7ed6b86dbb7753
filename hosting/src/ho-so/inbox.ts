// The citizen's notifications (the in-app inbox, live from Firestore under the rules: a list must ask for
// `recipientUid == uid`) and the channels they want to hear on (PUT /api/me/notification-preferences).
import type { User } from 'firebase/auth';
import { collection, doc, getDoc, limit, onSnapshot, orderBy, query, where, type Unsubscribe } from 'firebase/firestore';
import { describeError, type Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { firestore } from '../shared/firestore.js';
import { onLangChange, t } from '../shared/i18n.js';
import { callApiAs, jsonPost } from '../shared/session.js';

type Entry = { id: string; subject: Bilingual; body: Bilingual; createdAt?: { toDate(): Date }; readAt?: { toDate(): Date } | null; dossierId: string };
type Prefs = { inApp?: boolean; email?: boolean; sms?: boolean; zalo?: boolean };

const CHANNELS: { key: keyof Prefs; label: Bilingual; byDefault: boolean }[] = [
  { key: 'inApp', label: { vi: 'Trên trang này', en: 'On this site' }, byDefault: true },
  { key: 'email', label: { vi: 'Thư điện tử', en: 'Email' }, byDefault: true },
  { key: 'sms', label: { vi: 'Tin nhắn SMS', en: 'Text message (SMS)' }, byDefault: false },
  { key: 'zalo', label: { vi: 'Tin nhắn Zalo', en: 'Zalo message' }, byDefault: false },
];

/** Shows the inbox and the channel form in `container`; returns the listener to stop on sign-out. */
export async function mountInbox(container: HTMLElement, user: User): Promise<Unsubscribe> {
  const db = await firestore();
  let entries: Entry[] | undefined;
  let prefs: Prefs = ((await getDoc(doc(db, 'users', user.uid)).catch(() => undefined))?.get('notificationPrefs') as Prefs | undefined) ?? {};
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
      await callApiAs(user, `/me/notifications/${encodeURIComponent(id)}/read`, jsonPost({}));
    } catch (err) {
      note = { state: 'error', text: describeError(err) };
      render();
    }
  };
  const save = async (form: HTMLFormElement) => {
    const body = Object.fromEntries(CHANNELS.map((c) => [c.key, (form.elements.namedItem(c.key) as HTMLInputElement).checked]));
    try {
      prefs = (await callApiAs<{ notificationPrefs: Prefs }>(user, '/me/notification-preferences', { ...jsonPost(body), method: 'PUT' })).notificationPrefs;
      note = { state: 'ok', text: { vi: 'Đã lưu lựa chọn nhận thông báo.', en: 'Your choices are saved.' } };
    } catch (err) {
      note = { state: 'error', text: describeError(err) };
    }
    render();
  };

  onLangChange(render);
  render();
  // Index: notifications (recipientUid ASC, channel ASC, createdAt DESC) — firestore.indexes.json.
  return onSnapshot(
    query(collection(db, 'notifications'), where('recipientUid', '==', user.uid), where('channel', '==', 'inApp'), orderBy('createdAt', 'desc'), limit(20)),
    (snap) => {
      entries = snap.docs.map((d) => ({ ...(d.data() as Omit<Entry, 'id'>), id: d.id }));
      render();
    },
    () => {
      note = { state: 'error', text: { vi: 'Không tải được thông báo.', en: 'Could not load notifications.' } };
      entries = [];
      render();
    },
  );
}

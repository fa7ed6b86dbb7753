// The dossier's timeline: its events (live from Firestore in version order, store.ts), each with who did
// what, the status change and the reason or note given.
import type { DocumentData } from 'firebase/firestore';
import { h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { toDate } from '../shared/timestamps.js';
import { actionLabel, ROLE_LABELS, statusLabel, tx } from './labels.js';

const roleName = (role: string): string => t(ROLE_LABELS[role] ?? (role === 'citizen' ? { vi: 'Công dân', en: 'Citizen' } : role === 'system' ? { vi: 'Hệ thống', en: 'System' } : { vi: role, en: role }));

export function renderTimeline(root: HTMLElement, events: DocumentData[]): void {
  const el = root.querySelector('#dossier-timeline');
  if (!el) return;
  el.replaceChildren(
    events.length === 0
      ? h('p', {}, tx('Chưa có sự kiện.', 'No events yet.'))
      : h(
          'ol',
          { class: 'timeline' },
          ...events.map((e) => {
            const at = toDate(e.at);
            const p = (e.payload ?? {}) as Record<string, unknown>;
            const detail = ['reason', 'note', 'summary', 'task', 'question', 'answer', 'apology'].map((k) => p[k]).filter((v) => typeof v === 'string')[0] as string | undefined;
            return h(
              'li',
              { 'data-event': String(e.type) },
              h('strong', {}, actionLabel(String(e.type))),
              ' — ',
              at ? formatDateTime(at) : '',
              h('br'),
              h('span', { class: 'en' }, `${e.from ? statusLabel(String(e.from)) : '∅'} → ${statusLabel(String(e.to))} · ${roleName(String(e.actor?.role ?? ''))} ${String(e.actor?.agencyId ?? '')}`),
              detail ? h('span', { class: 'detail' }, ` · ${detail}`) : null,
            );
          }),
        ),
  );
}

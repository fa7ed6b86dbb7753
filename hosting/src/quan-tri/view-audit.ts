// The audit log: who changed what and when (agencies, officers, procedures, calendars, branding,
// settings), newest first, with the record before and after each change.
import { describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { listAudit, type AuditPage } from './api.js';
import { field, select } from './form-kit.js';
import type { View, ViewContext } from './state.js';

const KINDS = [
  { value: '', label: { vi: 'Tất cả', en: 'Everything' } },
  { value: 'agency', label: { vi: 'Cơ quan', en: 'Agencies' } },
  { value: 'officer', label: { vi: 'Cán bộ', en: 'Officers' } },
  { value: 'procedure', label: { vi: 'Thủ tục', en: 'Procedures' } },
  { value: 'calendar', label: { vi: 'Lịch làm việc', en: 'Calendars' } },
  { value: 'branding', label: { vi: 'Nhận diện', en: 'Branding' } },
  { value: 'ruleSetSettings', label: { vi: 'Cài đặt', en: 'Settings' } },
] as const;

export function mountAudit(root: HTMLElement, { admin }: ViewContext): View {
  let entries: AuditPage['entries'] = [];
  let next: string | null = null;
  const kind = select(KINDS.map((k) => ({ value: k.value, label: t(k.label) })));
  const list = h('ol', { class: 'audit' });
  const status = h('p', { role: 'status' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => void load(true) }, t({ vi: 'Xem thêm', en: 'Show more' }));
  root.append(h('h2', {}, t({ vi: 'Nhật ký thay đổi', en: 'Audit log' })), field({ vi: 'Loại thay đổi', en: 'What changed' }, kind, 'kind'), status, list, more);
  kind.addEventListener('change', () => void load(false));

  function draw(): void {
    list.replaceChildren(
      ...entries.map((e) =>
        h(
          'li',
          { 'data-action': e.action },
          h('time', { datetime: e.at }, formatDateTime(e.at)),
          ' · ',
          h('strong', {}, e.actor.displayName ?? e.actor.email ?? e.actor.userId),
          ': ',
          t(e.summary),
          h('details', {}, h('summary', {}, t({ vi: 'Trước và sau', en: 'Before and after' })), h('pre', {}, JSON.stringify({ before: e.before, after: e.after }, null, 2))),
        ),
      ),
    );
    status.textContent = entries.length === 0 ? t({ vi: 'Chưa có thay đổi nào.', en: 'No changes yet.' }) : '';
    more.hidden = next === null;
  }

  async function load(append: boolean): Promise<void> {
    try {
      const page = await listAudit(admin.user, kind.value || undefined, append ? (next ?? undefined) : undefined);
      entries = append ? [...entries, ...page.entries] : page.entries;
      next = page.nextBefore;
      draw();
    } catch (err) {
      status.textContent = t(describeError(err));
    }
  }

  void load(false);
  return { unmount: () => undefined };
}

// The province-wide health of the sync with the national portal, for administrators and monitors
// (GET /api/portal-sync/health): what waits, retries or failed, the oldest waiting, the last delivery, the
// dossiers failing (each opens its sync panel, with the retry button for administrators), and the share of
// received dossiers the portal acknowledged per month — the figure the 766 index scores (criterion 1.4).
import type { SyncHealthAnswer } from '../../../functions/src/contract/index.js';
import { describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { fetchSyncHealth } from './api.js';
import { actionLabel, tx } from './labels.js';
import type { Overseer, View } from './state.js';
import { syncPanel } from './view-dossier-portal.js';

const percent = (share: number | null): string => (share === null ? '—' : `${(share * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`);
const when = (iso: string | null): string => (iso ? formatDateTime(iso) : '—');

function figures(a: SyncHealthAnswer): HTMLElement {
  const item = (name: string, label: string, value: string | number) => [h('dt', {}, label), h('dd', { 'data-figure': name }, value)];
  return h(
    'dl',
    { class: 'summary', id: 'sync-figures' },
    ...item('pending', tx('Đang chờ gửi', 'Pending'), a.pending),
    ...item('retrying', tx('Đang thử lại', 'Retrying'), a.retrying),
    ...item('failed', tx('Thất bại (chờ quản trị gửi lại)', 'Failed (awaiting an administrator)'), a.failed),
    ...item('oldest', tx('Chờ lâu nhất', 'Oldest pending'), a.oldestPending ? `${a.oldestPending.code} (${tx('phiên bản', 'version')} ${a.oldestPending.version}) ${tx('từ', 'since')} ${when(a.oldestPending.since)}` : '—'),
    ...item('lastSent', tx('Gửi thành công gần nhất', 'Last delivered'), when(a.lastSentAt)),
    ...item('share', tx('Tỉ lệ hồ sơ đã đồng bộ', 'Share of dossiers synced'), `${percent(a.share.share)} (${a.share.synced}/${a.share.received})${a.share.points === null ? '' : ` · ${a.share.points}/${a.share.maxPoints} ${tx('điểm', 'points')}`}`),
  );
}

function failingTable(a: SyncHealthAnswer, overseer: Overseer): HTMLElement {
  if (a.failing.length === 0) return h('p', { id: 'sync-failing-none' }, tx('Không có hồ sơ nào gửi lỗi.', 'No dossier is failing.'));
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id: 'sync-failing' },
      h('caption', {}, tx('Hồ sơ gửi lỗi hoặc đang thử lại', 'Dossiers failing or retrying')),
      h('thead', {}, h('tr', {}, ...[tx('Mã hồ sơ', 'Code'), tx('Bước', 'Step'), tx('Tình trạng', 'State'), tx('Số lần gửi', 'Attempts'), tx('Lý do', 'Reason'), ''].map((x) => h('th', { scope: 'col' }, x)))),
      h(
        'tbody',
        {},
        ...a.failing.flatMap((f) => {
          const detail = h('tr', { class: 'sync-detail', hidden: true }, h('td', { colspan: 6 }));
          const open = h('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false' }, tx('Chi tiết', 'Details'));
          open.addEventListener('click', () => {
            const expanded = open.getAttribute('aria-expanded') !== 'true';
            open.setAttribute('aria-expanded', String(expanded));
            detail.hidden = !expanded;
            // Asked each time it opens: the retry sweep may have moved it meanwhile.
            if (expanded) detail.firstElementChild!.replaceChildren(syncPanel(overseer.user, f.dossierId));
          });
          return [
            h(
              'tr',
              { 'data-dossier': f.dossierId, 'data-state': f.state },
              h('th', { scope: 'row' }, f.code),
              h('td', {}, `${f.version} · ${actionLabel(f.eventType)}`),
              h('td', {}, f.state === 'failed' ? tx('Thất bại', 'Failed') : tx('Đang thử lại', 'Retrying')),
              h('td', {}, f.attempts),
              h('td', {}, f.lastError ?? '—'),
              h('td', {}, open),
            ),
            detail,
          ];
        }),
      ),
    ),
  );
}

function shareTable(a: SyncHealthAnswer): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id: 'sync-share' },
      h('caption', {}, tx('Hồ sơ tiếp nhận và đã đồng bộ lên Cổng quốc gia, theo tháng', 'Dossiers received and synced to the national portal, per month')),
      h('thead', {}, h('tr', {}, ...[tx('Tháng', 'Month'), tx('Tiếp nhận', 'Received'), tx('Đã đồng bộ', 'Synced'), tx('Tỉ lệ', 'Share')].map((x) => h('th', { scope: 'col' }, x)))),
      h(
        'tbody',
        {},
        ...a.share.months.map((m) =>
          h('tr', { 'data-month': m.month }, h('th', { scope: 'row' }, `${m.month.slice(5)}/${m.month.slice(0, 4)}`), h('td', {}, m.received), h('td', {}, m.synced), h('td', {}, percent(m.share))),
        ),
      ),
    ),
  );
}

export function mountSyncHealth(root: HTMLElement, overseer: Overseer): View {
  let unmounted = false;
  const status = h('p', { id: 'sync-health-status', class: 'status', 'aria-live': 'polite' }, tx('Đang tải…', 'Loading…'));
  const body = h('div', { id: 'sync-health-body' });
  const refresh = h('button', { type: 'button', class: 'secondary', id: 'sync-health-refresh' }, tx('Làm mới', 'Refresh'));

  async function load(): Promise<void> {
    refresh.disabled = true;
    try {
      const answer = await fetchSyncHealth(overseer.user);
      if (unmounted) return;
      status.dataset.state = answer.failed > 0 ? 'error' : 'ok';
      status.textContent = tx(`Số liệu lúc ${when(answer.generatedAt)}.`, `Figures as of ${when(answer.generatedAt)}.`);
      body.replaceChildren(
        figures(answer),
        h('h3', {}, tx('Hồ sơ cần chú ý', 'Dossiers needing attention')),
        failingTable(answer, overseer),
        h('h3', {}, tx('Tỉ lệ đồng bộ', 'Sync share')),
        shareTable(answer),
      );
    } catch (err) {
      if (unmounted) return;
      status.dataset.state = 'error';
      status.textContent = t(describeError(err));
    } finally {
      refresh.disabled = false;
    }
  }
  refresh.addEventListener('click', () => void load());
  root.append(
    h(
      'section',
      { 'aria-labelledby': 'sync-health-title' },
      h('h2', { id: 'sync-health-title' }, tx('Đồng bộ với Cổng Dịch vụ công quốc gia — toàn tỉnh', 'Sync with the national portal — province-wide')),
      h('p', {}, refresh),
      status,
      body,
    ),
  );
  void load();
  return { unmount: () => (unmounted = true) };
}

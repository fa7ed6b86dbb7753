// Tasks the deadline sweep assigns (features/sweep): the day-before apology (issue form 04 while it is
// still allowed) and escalations of overdue dossiers, live for this officer. Loaded on demand.
import { h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { firestore } from '../shared/firestore.js';
import { tx } from './labels.js';
import type { ViewFactory } from './state.js';
import { readDossierCode, watchTasks, type Task } from './store.js';

function kindLabel(task: Task): string {
  if (task.kind === 'issueApology') return tx('Xin lỗi và hẹn lại ngày trả (hạn còn một ngày làm việc)', 'Apologise and set a new date (one working day left)');
  if (task.kind === 'escalation') return tx(`Hồ sơ quá hạn — báo cáo cấp ${task.level ?? ''}`, `Overdue dossier — escalation level ${task.level ?? ''}`);
  // Decree 118 Art. 17.2: an online dossier the desk has not taken up (sweep: features/sweep/intake-watch.ts).
  if (task.kind === 'intakeUnseen') return tx('Hồ sơ trực tuyến chưa được xử lý sau thời gian cảnh báo', 'An online dossier not taken up after the alert time');
  if (task.kind === 'intakeOverdue') return tx('Hồ sơ trực tuyến quá hạn tiếp nhận hoặc trả lại', 'An online dossier past its deadline to accept or return');
  return task.kind;
}

export const mountTasks: ViewFactory = (root, ctx) => {
  let unmounted = false;
  const stops: (() => void)[] = [];
  const codes = new Map<string, string>();
  const status = h('p', { id: 'tasks-status', class: 'status', 'aria-live': 'polite' }, tx('Đang tải việc cần làm…', 'Loading tasks…'));
  const list = h('ul', { id: 'tasks-list', class: 'cards' });
  root.append(
    h('section', { 'aria-labelledby': 'tasks-title' }, h('h2', { id: 'tasks-title' }, tx('Việc cần làm', 'My tasks')), status, list),
  );

  function render(tasks: Task[]): void {
    status.textContent = tasks.length === 0 ? tx('Không có việc nào.', 'No tasks.') : tx(`${tasks.length} việc`, `${tasks.length} tasks`);
    list.replaceChildren(
      ...tasks.map((task) =>
        h(
          'li',
          { 'data-task': task.id, class: task.kind === 'escalation' || task.kind === 'intakeOverdue' ? 'card card-overdue' : 'card card-dueSoon' },
          h('strong', {}, kindLabel(task)),
          h('br'),
          h('a', { href: `/can-bo/ho-so/${task.dossierId}` }, `${tx('Hồ sơ', 'Dossier')} ${codes.get(task.dossierId) ?? task.dossierId}`),
          h(
            'p',
            { class: 'en' },
            task.dueAt ? `${tx('Hạn trả', 'Due')} ${formatDateTime(task.dueAt)}` : '',
            task.overdueWorkingDays ? ` · ${tx(`quá ${task.overdueWorkingDays} ngày làm việc`, `${task.overdueWorkingDays} working days overdue`)}` : '',
            ` · ${task.state === 'open' ? tx('Chưa xử lý', 'Open') : task.state}`,
          ),
        ),
      ),
    );
  }

  void firestore().then((db) => {
    if (unmounted) return;
    stops.push(
      watchTasks(
        db,
        ctx.officer.uid,
        (tasks) => {
          render(tasks);
          // Codes read people better than ids; the dossier is in the officer's scope.
          const missing = [...new Set(tasks.map((x) => x.dossierId))].filter((id) => !codes.has(id)).slice(0, 50);
          void Promise.all(
            missing.map(async (id) => {
              const code = await readDossierCode(db, id);
              if (code !== undefined) codes.set(id, code);
            }),
          ).then(() => {
            if (!unmounted && missing.some((id) => codes.has(id))) render(tasks);
          });
        },
        () => {
          status.dataset.state = 'error';
          status.textContent = tx('Không tải được việc cần làm.', 'Could not load the tasks.');
        },
      ),
    );
  });

  return {
    unmount: () => {
      unmounted = true;
      for (const stop of stops) stop();
    },
  };
};

// The transfer form (Decree 118/2025 Art. 18, 20): the officer names the step of the procedure's process
// the next agency performs; the server takes that agency, its task and its time budget from the step and
// computes the sub-deadline (a deadline typed by the client is refused). An agency outside the route is
// named only when no step fits. "Parallel" (electronic filing): the named step leads and other steps or
// agencies work at the same time, each with its own computed deadline. After the transfer the message
// gives the deadlines the server computed.
import type { Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { agencyField, REQUIRED, text, type BuiltForm, type FormContext, type StepRef } from './action-form-parts.js';
import { agencyLabel } from './agency-names.js';
import type { MovedDossier } from './api.js';
import { field, uid } from './forms.js';
import { durationText, tx } from './labels.js';

/** The value of the step picker's "another agency" choice. */
const OUTSIDE = '__outside';

type Target = { step: StepRef; index: number; agencyId: string };

/** The agency that performs a step of this dossier's route; none for a body outside the platform. */
function performerOf(step: StepRef, d: FormContext['dossier']): string | undefined {
  const p = step.performer;
  if (p.kind === 'agency') return p.agencyId;
  if (p.kind === 'receiving') return d.receivingAgencyId;
  if (p.kind === 'competent') return d.competentAgencyId;
  return undefined;
}

/** The steps an agency other than the current holder performs: the transfers the route allows. */
export function transferTargets(steps: readonly StepRef[], d: FormContext['dossier']): Target[] {
  const holder = d.currentStep?.agencyId ?? d.receivingAgencyId;
  return steps.flatMap((step, index) => {
    const agencyId = performerOf(step, d);
    return agencyId !== undefined && agencyId !== holder ? [{ step, index, agencyId }] : [];
  });
}

const stepText = (x: Target): string => `${t(x.step.description)} — ${agencyLabel(x.agencyId)} (${durationText(x.step.budget)})`;

export function transferForm(ctx: FormContext): BuiltForm {
  const d = ctx.dossier;
  const targets = transferTargets(ctx.steps, d);
  const currentIndex = ctx.steps.findIndex((s) => s.id === d.currentStep?.stepId);
  // The next step of the route after the one the dossier is in; else the first a transfer can reach.
  const proposed = targets.find((x) => x.index > currentIndex) ?? targets[0];

  const stepSelect = h(
    'select',
    { name: 'stepId', required: true },
    ...targets.map((x) => h('option', { value: x.step.id, selected: x === proposed }, stepText(x))),
    h('option', { value: OUTSIDE, selected: proposed === undefined }, tx('Cơ quan khác, ngoài quy trình của thủ tục', 'Another agency, outside the procedure’s route')),
  );
  const stepWrap = field(
    { vi: 'Chuyển cho bước tiếp theo của quy trình', en: 'Hand over for the next step of the process' },
    stepSelect,
    'stepId',
    {
      vi: 'Hạn của cơ quan nhận do hệ thống tính theo thời gian của bước trong quy trình (Điều 18, 20 Nghị định 118/2025), tính từ lúc chuyển.',
      en: 'The receiving agency’s deadline is computed from the step’s time in the process (Decree 118/2025 Art. 18, 20), from the hand-over.',
    },
  );
  const outside = agencyField(ctx, 'toAgencyId', { vi: 'Cơ quan nhận (ngoài quy trình)', en: 'Receiving agency (outside the route)' }, { suggest: false });
  const task = text('task', { vi: 'Nội dung chuyển xử lý', en: 'Task of the receiving agency' }, {
    long: true,
    max: 1000,
    hint: { vi: 'Để trống: theo nội dung công việc của bước. Bắt buộc khi chuyển ngoài quy trình.', en: 'Left empty: the step’s task. Required outside the route.' },
  });

  // Parallel routing: the other steps of the route working at the same time. Only steps: the server gives
  // a parallel agency its deadline from its step (an agency without one would get a control-slip row but
  // no deadline and no request to answer).
  const parallelId = uid('parallel');
  const parallel = h('input', { type: 'checkbox', id: parallelId, name: 'parallel' });
  const parallelBox = h('fieldset', { class: 'parallel', hidden: true, 'data-path': 'parallelWith', tabindex: -1 });
  const parallelError = h('p', { class: 'field-error', 'data-error-for': 'parallelWith', id: uid('parallel-error'), hidden: true });
  const parallelChecks = new Map<string, HTMLInputElement>();

  function renderParallel(): void {
    const lead = stepSelect.value;
    const others = targets.filter((x) => x.step.id !== lead);
    parallelChecks.clear();
    parallelBox.replaceChildren(
      h('legend', {}, tx('Cơ quan phối hợp làm song song', 'Agencies working in parallel')),
      ...(others.length === 0 ? [h('p', { class: 'hint' }, tx('Quy trình không còn bước nào khác do cơ quan khác thực hiện.', 'No other step of the process is done by another agency.'))] : []),
      ...others.map((x) => {
        const box = h('input', { type: 'checkbox', id: uid('par'), value: x.step.id, 'data-parallel-step': x.step.id });
        parallelChecks.set(x.step.id, box);
        return h('label', { class: 'choice', for: box.id }, box, ' ', stepText(x));
      }),
      parallelError,
    );
  }
  function sync(): void {
    const isOutside = stepSelect.value === OUTSIDE;
    outside.wrap.hidden = !isOutside;
    parallelBox.hidden = !parallel.checked;
    if (parallel.checked) renderParallel();
  }
  stepSelect.addEventListener('change', sync);
  parallel.addEventListener('change', sync);
  sync();

  const leadAgency = (): string | undefined => (stepSelect.value === OUTSIDE ? outside.control.value || undefined : targets.find((x) => x.step.id === stepSelect.value)?.agencyId);

  return {
    fields: h(
      'div',
      {},
      stepWrap,
      outside.wrap,
      task.wrap,
      h(
        'div',
        { class: 'field' },
        h('label', { class: 'choice', for: parallelId }, parallel, ' ', tx('Chuyển song song: các cơ quan phối hợp làm cùng lúc (liên thông điện tử)', 'Parallel: other agencies work at the same time (electronic)')),
      ),
      parallelBox,
    ),
    read: () => {
      const errors: { path: string; message: Bilingual }[] = [];
      const action: Record<string, unknown> = { type: 'transfer' };
      const taskText = task.control.value.trim();
      if (stepSelect.value === OUTSIDE) {
        if (outside.control.value) action.toAgencyId = outside.control.value;
        else errors.push({ path: 'toAgencyId', message: REQUIRED });
        if (!taskText) errors.push({ path: 'task', message: { vi: 'Nêu nội dung chuyển xử lý khi chuyển ngoài quy trình', en: 'Give the task when handing over outside the route' } });
      } else {
        action.stepId = stepSelect.value;
      }
      if (taskText) action.task = taskText;
      if (parallel.checked) {
        const chosen = targets.filter((x) => parallelChecks.get(x.step.id)?.checked);
        const list = chosen.map((x) => ({ stepId: x.step.id }));
        const agencies = chosen.map((x) => x.agencyId);
        const lead = leadAgency();
        if (list.length === 0) errors.push({ path: 'parallelWith', message: { vi: 'Chọn ít nhất một cơ quan phối hợp', en: 'Choose at least one agency to work in parallel' } });
        else if ((lead !== undefined && agencies.includes(lead)) || new Set(agencies).size !== agencies.length) {
          errors.push({ path: 'parallelWith', message: { vi: 'Mỗi cơ quan chỉ nhận một phần việc: cơ quan chủ trì và các cơ quan phối hợp phải khác nhau', en: 'Each agency takes one part: the lead and the agencies in parallel must differ' } });
        } else action.parallelWith = list;
      }
      return errors.length > 0 ? { errors } : { action };
    },
    describe: (action) => {
      const lead = targets.find((x) => x.step.id === action.stepId);
      const lines = [
        lead
          ? `${tx('Chuyển đến', 'To')}: ${stepText(lead)}`
          : `${tx('Chuyển đến (ngoài quy trình)', 'To (outside the route)')}: ${agencyLabel(String(action.toAgencyId))}`,
        tx('Hạn của cơ quan nhận: hệ thống tính khi chuyển', 'The receiving agency’s deadline: computed at the hand-over'),
      ];
      if (action.task) lines.push(`${tx('Nội dung', 'Task')}: ${String(action.task)}`);
      for (const p of (action.parallelWith as { stepId: string }[] | undefined) ?? []) {
        const x = targets.find((y) => y.step.id === p.stepId);
        lines.push(`${tx('Song song', 'In parallel')}: ${x ? stepText(x) : p.stepId}`);
      }
      return lines;
    },
    done: (moved: MovedDossier) => {
      const parts: string[] = [];
      const step = moved.currentStep;
      if (step?.dueAt) parts.push(tx(`Hạn của ${agencyLabel(step.agencyId)}: ${formatDateTime(step.dueAt)}`, `Deadline of ${agencyLabel(step.agencyId)}: ${formatDateTime(step.dueAt)}`));
      // Agencies working in parallel answer as opinion requests numbered on the control slip.
      for (const o of moved.opinions.filter((x) => x.handoffN !== undefined && x.answeredAt === undefined && x.requestedAt === moved.updatedAt)) {
        parts.push(tx(`Hạn của ${agencyLabel(o.agencyId)} (song song): ${formatDateTime(o.dueAt)}`, `Deadline of ${agencyLabel(o.agencyId)} (parallel): ${formatDateTime(o.dueAt)}`));
      }
      return parts.length > 0 ? `${parts.join('. ')}.` : undefined;
    },
  };
}

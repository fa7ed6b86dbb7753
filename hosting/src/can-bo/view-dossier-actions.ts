// The actions area: a button for each action the server allows this officer now, its form
// (action-forms.ts), a confirmation step that repeats what will be sent, then the POST with a requestId
// reused on retry and the version the officer read. A 409 staleVersion means another officer acted
// first: the page reloads and says so.
import { ApiCallError, describeError, type Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { newRequestId } from '../shared/session.js';
import { slipFormAfter, slipId } from '../shared/slips.js';
import { buildActionForm, hasActionForm, type StepRef } from './action-forms.js';
import { postAction, type DossierAnswer } from './api.js';
import { clearFieldErrors, showFieldErrors } from './forms.js';
import { actionLabel, isFinal, statusLabel, statusLabelBoth, tx } from './labels.js';
import type { Officer } from './state.js';
import { loadAgencies } from './store.js';
import type { ActOnDossierBody } from '../../../functions/src/contract/index.js';

/** A message that survives the reload it causes (success, conflict). */
export type Carry = { kind: 'ok' | 'conflict' | 'error'; text: string; expectSlip?: string };

export type ActionsArea = {
  root: HTMLElement;
  officer: Officer;
  dossierId: string;
  answer: DossierAnswer;
  suggestedAgencies: string[];
  /** The steps of the pinned procedure's process (transfers name one). */
  steps: StepRef[];
  /** The procedure's component names (supplement items pick among the dossier's components). */
  componentNames: Map<string, Bilingual>;
  /** Reloads the dossier, then shows the message and moves focus to it. */
  reloadWith: (carry: Carry) => Promise<void>;
};

/** Actions that end or turn down the dossier: styled apart, so "Rút hồ sơ" never looks like "Tiếp nhận". */
const DESTRUCTIVE: ReadonlySet<string> = new Set(['refuseAtReception', 'withdraw', 'stop', 'confirmStop', 'requestStop']);

/**
 * Actions with nothing to fill in (an optional note, or a choice already made with the dossier): one
 * click opens the confirmation directly; "Quay lại" shows the form for the note or another choice.
 */
const CONFIRM_AT_ONCE: ReadonlySet<string> = new Set(['receive', 'acknowledgeTransfer', 'returnResult']);

export function actionsSection(o: ActionsArea): HTMLElement {
  const a = o.answer;
  const actions = a.allowedActions.filter(hasActionForm);
  const panel = h('div', { id: 'action-panel' });
  return h(
    'section',
    { 'aria-labelledby': 'actions-title', class: 'actions' },
    h('h3', { id: 'actions-title' }, tx('Thao tác', 'Actions')),
    actions.length === 0
      ? h('p', { 'data-testid': 'no-actions' }, isFinal(a.dossier.status) ? tx('Hồ sơ đã kết thúc.', 'The dossier is closed.') : tx('Bạn không có thao tác nào với hồ sơ này lúc này.', 'You have no actions on this dossier now.'))
      : h(
          'div',
          { class: 'action-buttons', role: 'group', 'aria-label': tx('Thao tác được phép', 'Allowed actions') },
          ...actions.map((type) =>
            h('button', { type: 'button', 'data-action': type, class: DESTRUCTIVE.has(type) ? 'danger' : undefined, onclick: () => openForm(o, panel, type) }, actionLabel(type)),
          ),
        ),
    panel,
  );
}

/** The applicant's name, as officers in scope read it (absent from a view without personal data). */
function applicantName(a: DossierAnswer): string | undefined {
  const who = a.dossier.applicant as { kind?: string; fullName?: string; name?: string } | undefined;
  return who?.kind === 'organisation' ? who.name : who?.fullName;
}

function openForm(o: ActionsArea, panel: HTMLElement, type: string): void {
  const a = o.answer;
  const built = buildActionForm(type, {
    agencies: loadAgencies,
    ownAgencyId: o.officer.agencyId,
    // Returning online hands over the electronic result: without one the paper return is offered first.
    resultDelivery: a.dossier.resultDelivery === 'online' && a.results.length === 0 ? 'desk' : a.dossier.resultDelivery,
    suggestedAgencies: o.suggestedAgencies,
    dossier: a.dossier,
    steps: o.steps,
    componentNames: o.componentNames,
  })!;
  const expectedVersion = a.dossier.version;
  // One requestId per distinct payload: a retry of the same request reuses it (docs/API.md).
  let sent: { json: string; requestId: string } | undefined;
  const summary = h('p', { class: 'form-summary field-error', hidden: true, role: 'alert' });
  const form = h(
    'form',
    { id: 'action-form', 'data-action': type, novalidate: true, 'aria-labelledby': 'action-form-title' },
    h('h4', { id: 'action-form-title' }, actionLabel(type)),
    built.fields,
    summary,
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, tx('Tiếp tục', 'Continue')), h('button', { type: 'button', class: 'secondary', onclick: close }, tx('Huỷ', 'Cancel'))),
  );
  const confirmBox = h('div', { id: 'action-confirm', hidden: true, role: 'alertdialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-lines' });
  function close(): void {
    panel.replaceChildren();
    o.root.querySelector<HTMLButtonElement>(`button[data-action="${type}"]`)?.focus();
  }
  panel.replaceChildren(form, confirmBox);
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    const read = built.read();
    if ('errors' in read) {
      showFieldErrors(form, read.errors);
      return;
    }
    showConfirm(read.action);
  });
  const atOnce = CONFIRM_AT_ONCE.has(type) ? built.read() : undefined;
  if (atOnce && 'action' in atOnce) showConfirm(atOnce.action);
  else (form.querySelector<HTMLElement>('input, textarea, select') ?? form.querySelector<HTMLElement>('button'))?.focus();

  function showConfirm(action: Record<string, unknown>): void {
    form.hidden = true;
    confirmBox.hidden = false;
    const go = h('button', { type: 'button', id: 'confirm-action', class: DESTRUCTIVE.has(type) ? 'danger' : undefined }, tx(`Xác nhận ${actionLabel(type).toLocaleLowerCase('vi')}`, `Confirm: ${actionLabel(type)}`));
    const back = h('button', { type: 'button', class: 'secondary' }, CONFIRM_AT_ONCE.has(type) ? tx('Thêm ghi chú hoặc thay đổi', 'Add a note or change') : tx('Quay lại', 'Back'));
    confirmBox.replaceChildren(
      h('h4', { id: 'confirm-title' }, tx(`Xác nhận: ${actionLabel(type)}?`, `Confirm: ${actionLabel(type)}?`)),
      // Plain words: which dossier, of whom, for what (the version the officer read is checked, not shown).
      h('ul', { id: 'confirm-lines' }, h('li', {}, tx(`Hồ sơ ${a.dossier.code ?? a.dossier.id}${applicantName(a) ? ` của ${applicantName(a)}` : ''} — ${t(a.dossier.procedure.name)}`, `Dossier ${a.dossier.code ?? a.dossier.id}${applicantName(a) ? ` of ${applicantName(a)}` : ''} — ${t(a.dossier.procedure.name)}`)), ...built.describe(action).map((l) => h('li', {}, l))),
      h('div', { class: 'buttons' }, go, back),
    );
    back.addEventListener('click', () => {
      confirmBox.hidden = true;
      form.hidden = false;
      form.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
    });
    confirmBox.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') back.click();
    });
    go.addEventListener('click', () => void post(action, go));
    go.focus();
  }

  async function post(action: Record<string, unknown>, button: HTMLButtonElement): Promise<void> {
    const json = JSON.stringify(action);
    if (!sent || sent.json !== json) sent = { json, requestId: newRequestId() };
    button.disabled = true;
    button.textContent = tx('Đang gửi…', 'Sending…');
    try {
      // The action form's fields as typed; the server checks them against the lifecycle's schema.
      const moved = await postAction(o.officer.user, o.dossierId, { requestId: sent.requestId, expectedVersion, action: action as ActOnDossierBody['action'] });
      const slipForm = slipFormAfter(moved.ruleSet, type);
      const extra = built.done?.(moved);
      await o.reloadWith({
        kind: 'ok',
        text: tx(`Đã thực hiện: ${actionLabel(type)}. Trạng thái: ${statusLabel(moved.status)}.`, `Done: ${actionLabel(type)}. Status: ${statusLabel(moved.status)}.`) + (extra ? ` ${extra}` : ''),
        expectSlip: slipForm ? slipId(slipForm, moved.version) : undefined,
      });
    } catch (err) {
      const body = err instanceof ApiCallError ? err.body : undefined;
      if (err instanceof ApiCallError && err.status === 409 && body?.error.reason === 'staleVersion') {
        const status = body.error.currentStatus ?? '';
        await o.reloadWith({
          kind: 'conflict',
          text: `Cán bộ khác đã xử lý hồ sơ này trước bạn / Another officer acted first. Trạng thái hiện tại / Current status: ${statusLabelBoth(status)}.`,
        });
        return;
      }
      button.disabled = false;
      button.textContent = tx(`Xác nhận ${actionLabel(type).toLocaleLowerCase('vi')}`, `Confirm: ${actionLabel(type)}`);
      confirmBox.hidden = true;
      form.hidden = false;
      const fields = body?.error.fields ?? [];
      if (fields.length > 0) showFieldErrors(form, fields, 'action.');
      summary.textContent = t(describeError(err));
      summary.hidden = false;
      if (fields.length === 0) summary.focus();
    }
  }
}

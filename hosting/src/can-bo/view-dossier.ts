// One dossier (/can-bo/ho-so/<id>): mounts the page and ties its parts together. The answer from
// GET /api/dossiers/:id is asked at once, in parallel with the Firestore SDK and the reference reads
// (store.ts); then the summary, applicant and components (view-dossier-summary.ts), the actions
// (view-dossier-actions.ts), its fee and its sync with the national portal (view-dossier-portal.ts), the
// slips and control slip (view-dossier-slips.ts) and the live timeline (view-dossier-timeline.ts).
// Here: the follow button, the notice that survives a reload, and unmounting.
import type { DocumentData } from 'firebase/firestore';
import { describeError, type Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { firestore } from '../shared/firestore.js';
import { t } from '../shared/i18n.js';
import { fetchDossier, fetchSlip, setFollow, type DossierAnswer } from './api.js';
import { downloadButton } from './download-button.js';
import { tx } from './labels.js';
import type { ViewContext, ViewFactory } from './state.js';
import type { StepRef } from './action-forms.js';
import { readReference, watchEvents } from './store.js';
import { actionsSection, type Carry } from './view-dossier-actions.js';
import { resultsSection } from './view-dossier-results.js';
import { paymentPanel, syncPanel } from './view-dossier-portal.js';
import { renderControlSlip, slipsPanel } from './view-dossier-slips.js';
import { agencyLabel } from './agency-names.js';
import { ROLE_LABELS } from './labels.js';
import { applicantSection, componentsSection, stopRequestSection, summaryList } from './view-dossier-summary.js';
import { renderTimeline } from './view-dossier-timeline.js';

export const mountDossier: ViewFactory = (root, ctx, dossierId) => {
  const id = dossierId ?? '';
  const stops: (() => void)[] = [];
  let unmounted = false;
  let answer: DossierAnswer | undefined;
  let eventsSeen: DocumentData[] = [];
  let componentNames = new Map<string, Bilingual>();
  let suggestedAgencies: string[] = [];
  let steps: StepRef[] = [];
  /** A message that survives the reload it causes (success, conflict). */
  let carry: Carry | undefined;

  const notice = h('div', { id: 'dossier-notice', class: 'notice-area', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { id: 'dossier-body' }, h('p', { class: 'loading' }, tx('Đang tải hồ sơ…', 'Loading the dossier…')));
  const changed = h('p', { id: 'dossier-changed', class: 'notice', hidden: true });
  // Following a dossier puts each of its transitions in the officer's inbox (PUT /api/dossiers/:id/follow).
  const follow = h('button', { type: 'button', id: 'dossier-follow', class: 'secondary', 'aria-pressed': 'false', hidden: true }, tx('Theo dõi hồ sơ này', 'Follow this dossier'));
  const followState = h('span', { class: 'en', 'aria-live': 'polite' });
  follow.addEventListener('click', async () => {
    const next = follow.getAttribute('aria-pressed') !== 'true';
    follow.disabled = true;
    try {
      await setFollow(ctx.officer.user, id, next);
      follow.setAttribute('aria-pressed', String(next));
      followState.textContent = next ? tx(' Đang theo dõi: bạn sẽ nhận thông báo khi hồ sơ chuyển bước.', ' Following: you will be told when it moves.') : tx(' Đã bỏ theo dõi.', ' No longer following.');
    } catch (err) {
      followState.textContent = ` ${t(describeError(err))}`;
    } finally {
      follow.disabled = false;
    }
  });
  root.append(
    h(
      'section',
      { 'aria-labelledby': 'dossier-title', class: 'dossier-view' },
      h('p', {}, h('a', { href: '/can-bo/', class: 'back' }, tx('← Danh sách hồ sơ', '← Dossier list'))),
      h('h2', { id: 'dossier-title' }, tx('Hồ sơ', 'Dossier')),
      h('p', {}, follow, followState),
      notice,
      changed,
      body,
    ),
  );

  const slips = slipsPanel({ root, user: ctx.officer.user, dossierId: id, answer: () => answer, events: () => eventsSeen, unmounted: () => unmounted });

  function setNotice(kind: Carry['kind'], text: string): void {
    notice.replaceChildren(h('p', { class: `notice notice-${kind}`, 'data-kind': kind }, text));
  }

  async function load(pending: Promise<DossierAnswer | undefined> = fetchDossier(ctx.officer.user, id)): Promise<void> {
    try {
      const fresh = await pending;
      if (unmounted) return;
      if (!fresh) throw firstError;
      answer = fresh;
      changed.hidden = true;
      render();
      if (carry) {
        setNotice(carry.kind, carry.text);
        if (carry.expectSlip?.startsWith('01-')) notice.querySelector('p')?.append(' ', printReceipt(carry.expectSlip));
        if (carry.expectSlip) slips.waitFor(carry.expectSlip);
        carry = undefined;
      }
    } catch (err) {
      if (unmounted) return;
      const m = describeError(err);
      body.replaceChildren(h('p', { class: 'notice notice-error', 'data-kind': 'error' }, t(m)));
    }
  }

  /** Right beside "received": the receipt (form 01) to print, fetched when asked (the trigger may still be making it). */
  function printReceipt(slip: string): HTMLElement {
    const state = h('span', { 'aria-live': 'polite' });
    const button = downloadButton({
      fetch: () => fetchSlip(ctx.officer.user, id, slip),
      attrs: { id: 'print-receipt', 'data-slip': slip },
      label: tx('In giấy tiếp nhận', 'Print the receipt'),
      status: state,
      loadingText: tx(' Đang mở giấy tiếp nhận…', ' Opening the receipt…'),
      onBlob: (blob) => {
        const url = URL.createObjectURL(blob);
        state.replaceChildren(' ', h('a', { href: url, target: '_blank', rel: 'noopener', id: 'receipt-link', 'data-ready': 'true' }, tx('Mở bản PDF', 'Open the PDF')));
        window.open(url, '_blank', 'noopener');
      },
      errorText: () => tx(' Giấy tiếp nhận đang được tạo, bấm lại sau giây lát.', ' The receipt is being made; press again in a moment.'),
    });
    return h('span', {}, button, state);
  }

  async function reloadWith(next: Carry): Promise<void> {
    carry = next;
    await load();
    notice.querySelector('p')?.setAttribute('tabindex', '-1');
    notice.querySelector<HTMLElement>('p')?.focus();
  }

  /** Who uploaded or scanned a file: this officer, the applicant, or the officer whose action the events show. */
  function uploaderName(uploaderUid: string): string {
    if (uploaderUid === ctx.officer.uid) return tx(`bạn (${ctx.officer.name})`, `you (${ctx.officer.name})`);
    if (uploaderUid === answer?.dossier.ownerUserId) return tx('người nộp hồ sơ (trực tuyến)', 'the applicant (online)');
    const actor = eventsSeen.map((e) => e.actor as { userId?: string; role?: string; agencyId?: string } | undefined).find((a) => a?.userId === uploaderUid);
    const role = actor?.role && ROLE_LABELS[actor.role] ? t(ROLE_LABELS[actor.role]!) : tx('Cán bộ', 'Officer');
    return `${role}${actor?.agencyId ? `, ${agencyLabel(actor.agencyId)}` : ''} (${uploaderUid})`;
  }

  function render(): void {
    if (!answer) return;
    const d = answer.dossier;
    root.querySelector('#dossier-title')!.textContent = `${tx('Hồ sơ', 'Dossier')} ${d.code ?? d.id}`;
    const parts: (HTMLElement | null)[] = [
      summaryList(d),
      stopRequestSection(d) ?? null,
      actionsSection({ root, officer: ctx.officer, dossierId: id, answer, suggestedAgencies, steps, componentNames, reloadWith }),
      resultsSection({ officer: ctx.officer, dossierId: id, answer, reloadWith }),
      applicantSection(d.applicant),
      componentsSection(d.components ?? [], componentNames, ctx.officer.user, uploaderName),
      h('section', { 'aria-labelledby': 'payment-title' }, h('h3', { id: 'payment-title' }, tx('Phí, lệ phí', 'Fees')), paymentPanel(ctx.officer.user, id)),
      h('section', { 'aria-labelledby': 'sync-title', id: 'dossier-sync' }, h('h3', { id: 'sync-title' }, tx('Đồng bộ Cổng Dịch vụ công quốc gia', 'Sync with the national portal')), syncPanel(ctx.officer.user, id)),
      h('section', { 'aria-labelledby': 'slips-title' }, h('h3', { id: 'slips-title' }, tx('Phiếu, giấy tờ đã in', 'Official slips')), h('div', { id: 'dossier-slips' })),
      h('section', { 'aria-labelledby': 'handoffs-title' }, h('h3', { id: 'handoffs-title' }, tx('Phiếu kiểm soát quá trình', 'Control slip')), h('div', { id: 'dossier-handoffs' }, h('p', { class: 'loading' }, tx('Đang tải…', 'Loading…')))),
      h('section', { 'aria-labelledby': 'timeline-title' }, h('h3', { id: 'timeline-title' }, tx('Quá trình xử lý', 'Timeline')), h('div', { id: 'dossier-timeline' })),
    ];
    body.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
    slips.render();
    renderTimeline(root, eventsSeen);
    void renderControlSlip(root, id, () => unmounted);
  }

  // The first answer is asked at once, in parallel with the SDK and the reference reads.
  let firstError: unknown;
  const answerPromise: Promise<DossierAnswer | undefined> = fetchDossier(ctx.officer.user, id).catch((err: unknown) => {
    firstError = err;
    return undefined;
  });

  void firestore().then(async (db) => {
    if (unmounted) return;
    // Live timeline: also tells the officer when someone else changes the dossier under their eyes.
    stops.push(
      watchEvents(db, id, (events) => {
        eventsSeen = events;
        const latest = eventsSeen.reduce((m, e) => Math.max(m, Number(e.version ?? 0)), 0);
        if (answer && latest > answer.dossier.version && !carry) {
          changed.textContent = tx('Hồ sơ vừa được cập nhật bởi thao tác khác.', 'The dossier was just changed by another action.');
          changed.hidden = false;
        }
        renderTimeline(root, eventsSeen);
        if (answer && !answer.slips) slips.render();
      }),
    );
    const reference = await readReference(db, answerPromise, ctx.officer.uid, id);
    componentNames = reference.componentNames;
    suggestedAgencies = reference.suggestedAgencies;
    steps = reference.steps;
    if (reference.followed !== undefined) {
      follow.setAttribute('aria-pressed', String(reference.followed));
      follow.hidden = false;
    }
    await load(answerPromise);
  });

  return {
    unmount: () => {
      unmounted = true;
      for (const stop of stops) stop();
      slips.dispose();
    },
  };
};

export type { ViewContext };

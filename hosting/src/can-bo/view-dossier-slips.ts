// The dossier's official slips (receipt, request for more documents…) as PDFs to print, and the control
// slip (phiếu kiểm soát quá trình: each hand-off between agencies). A trigger makes the slip PDF after
// the action, so after an action the page polls the download until it exists.
import type { User } from 'firebase/auth';
import type { DocumentData } from 'firebase/firestore';
import { ApiCallError, describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { slipFormAfter, slipId, slipLabel } from '../shared/slips.js';
import { toDate } from '../shared/timestamps.js';
import { agencyLabel } from './agency-names.js';
import { fetchSlip, type DossierAnswer, type Slip } from './api.js';
import { downloadButton } from './download-button.js';
import { tx } from './labels.js';
import { readHandoffs } from './store.js';

export type SlipsPanel = {
  /** Redraws #dossier-slips from the current answer and events. */
  render: () => void;
  /** After an action that makes a slip, poll its download until the trigger has stored it. */
  waitFor: (slip: string) => void;
  /** Stops polling and frees the fetched PDFs. */
  dispose: () => void;
};

export function slipsPanel(o: {
  root: HTMLElement;
  user: User;
  dossierId: string;
  answer: () => DossierAnswer | undefined;
  events: () => DocumentData[];
  unmounted: () => boolean;
}): SlipsPanel {
  const { root, user, dossierId: id } = o;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** Object URLs of slips already fetched, and slips the page waits for after an action. */
  const slipUrls = new Map<string, string>();
  const slipWaiting = new Set<string>();

  /** Slips the events say exist but the dossier as read did not list yet: polled once each. */
  const polled = new Set<string>();

  function slipsOf(a: DossierAnswer): Slip[] {
    // The slips the events make, as the slip trigger does (the events are live, the listing is not).
    const fromEvents: Slip[] = o.events().flatMap((e) => {
      const form = slipFormAfter(a.dossier.ruleSet, String(e.type));
      return form ? [{ id: slipId(form, Number(e.version)), form, version: Number(e.version), createdAt: null }] : [];
    });
    const listed: Slip[] = a.slips ?? fromEvents;
    // A slip whose event came after the dossier was read (received in another tab, say) is still being
    // made by its trigger: shown as such and fetched once it exists, instead of "no slips yet".
    for (const s of fromEvents) {
      if (a.slips && !a.slips.some((l) => l.id === s.id) && !polled.has(s.id) && !slipUrls.has(s.id)) {
        polled.add(s.id);
        queueMicrotask(() => waitFor(s.id));
      }
    }
    // Plus the slips made since the dossier was read: awaited, or fetched once they existed.
    const extra = [...new Set([...slipWaiting, ...slipUrls.keys()])]
      .filter((w) => !listed.some((s) => s.id === w))
      .map((w) => ({ id: w, form: w.slice(0, 2), version: Number(w.slice(3)), createdAt: null }));
    return [...listed, ...extra].sort((a, b) => a.id.localeCompare(b.id));
  }

  function readyLink(id: string, url: string): HTMLElement {
    return h('a', { href: url, target: '_blank', rel: 'noopener', 'data-slip-link': id, 'data-ready': 'true' }, tx('Mở bản PDF để in', 'Open the PDF to print'));
  }

  function slipButton(s: Slip): HTMLElement {
    const url = slipUrls.get(s.id);
    const out = h(
      'span',
      { class: 'slip-state', 'aria-live': 'polite' },
      url ? readyLink(s.id, url) : slipWaiting.has(s.id) ? tx('Đang tạo phiếu…', 'Making the slip…') : null,
    );
    const button = downloadButton({
      fetch: () => fetchSlip(user, id, s.id),
      attrs: { class: 'secondary', 'data-slip': s.id },
      label: t(slipLabel(o.answer()?.dossier.ruleSet, s.form)),
      status: out,
      loadingText: tx('Đang tải…', 'Loading…'),
      onBlob: (blob) => {
        const fresh = URL.createObjectURL(blob);
        slipUrls.set(s.id, fresh);
        out.replaceChildren(readyLink(s.id, fresh));
        window.open(fresh, '_blank', 'noopener');
      },
      errorText: (err) =>
        err instanceof ApiCallError && err.status === 404 ? tx('Phiếu đang được tạo, thử lại sau giây lát.', 'The slip is being made; try again in a moment.') : t(describeError(err)),
    });
    return h('li', {}, button, ' ', h('span', { class: 'en' }, s.id), ' ', out);
  }

  function waitFor(slip: string, tries = 0): void {
    if (o.unmounted()) return;
    slipWaiting.add(slip);
    if (tries === 0) render();
    void fetchSlip(user, id, slip)
      .then((blob) => {
        if (o.unmounted()) return;
        slipUrls.set(slip, URL.createObjectURL(blob));
        slipWaiting.delete(slip);
        render();
      })
      .catch(() => {
        if (o.unmounted()) return;
        if (tries >= 40) {
          slipWaiting.delete(slip);
          render();
          return;
        }
        const timer = setTimeout(() => {
          timers.delete(timer);
          waitFor(slip, tries + 1);
        }, 1000);
        timers.add(timer);
      });
  }

  function render(): void {
    const el = root.querySelector('#dossier-slips');
    const answer = o.answer();
    if (!el || !answer) return;
    const slips = slipsOf(answer);
    el.replaceChildren(
      slips.length === 0 ? h('p', {}, tx('Chưa có phiếu nào.', 'No slips yet.')) : h('ul', { class: 'plain' }, ...slips.map(slipButton)),
    );
  }

  return {
    render,
    waitFor: (slip) => waitFor(slip),
    dispose: () => {
      for (const timer of timers) clearTimeout(timer);
      for (const url of slipUrls.values()) URL.revokeObjectURL(url);
    },
  };
}

/** The control slip: the hand-offs, read once each time the dossier is rendered (not live). */
export async function renderControlSlip(root: HTMLElement, id: string, unmounted: () => boolean): Promise<void> {
  const el = root.querySelector('#dossier-handoffs');
  if (!el) return;
  try {
    const rows = await readHandoffs(id);
    if (unmounted()) return;
    el.replaceChildren(
      rows.length === 0
        ? h('p', {}, tx('Chưa chuyển qua cơ quan khác.', 'Not handed to another agency.'))
        : h(
            'table',
            {},
            h('thead', {}, h('tr', {}, ...[tx('Từ', 'From'), tx('Đến', 'To'), tx('Giao lúc', 'Handed over'), tx('Hạn', 'Due'), tx('Nhận lúc', 'Acknowledged'), tx('Kết quả', 'Result')].map((x) => h('th', { scope: 'col' }, x)))),
            h(
              'tbody',
              {},
              ...rows.map((r) => {
                const cell = (v: unknown) => h('td', {}, toDate(v) ? formatDateTime(toDate(v)!) : '—');
                return h('tr', {}, h('td', {}, agencyLabel(String(r.fromAgencyId ?? ''))), h('td', {}, agencyLabel(String(r.toAgencyId ?? ''))), cell(r.handedOverAt), cell(r.dueAt), cell(r.acknowledgedAt), h('td', {}, String(r.result ?? '—')));
              }),
            ),
          ),
    );
  } catch {
    el.replaceChildren(h('p', {}, tx('Không tải được phiếu kiểm soát.', 'Could not load the control slip.')));
  }
}

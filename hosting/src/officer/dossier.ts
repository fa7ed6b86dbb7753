// One dossier: GET /api/dossiers/:id (the dossier, its personal part and the actions this officer may
// take now), the timeline and control slip live from Firestore, the slips, and one form per allowed
// action with a confirmation step. A 409 staleVersion says another officer acted first and reloads.
import { collection, doc, getDoc, getDocs, onSnapshot, orderBy, query, type DocumentData, type Timestamp } from 'firebase/firestore';
import { ApiCallError, describeError, type Bilingual } from '../shared/api.js';
import { formatDateTime, h, newRequestId } from '../shared/dom.js';
import { firestore } from '../shared/firestore.js';
import { t } from '../shared/i18n.js';
import { callApiAs, jsonPost } from '../shared/session.js';
import { buildActionForm, hasActionForm, type AgencyOption } from './action-forms.js';
import type { ViewContext, ViewFactory } from './context.js';
import { computeFlags, FLAG_TEXT } from './deadlines.js';
import { clearFieldErrors, showFieldErrors } from './forms.js';
import { actionLabel, CHANNEL_LABELS, ROLE_LABELS, isFinal, SLIP_FORM_OF_EVENT, SLIP_FORMS, slipId, statusLabel, statusLabelBoth, tx } from './labels.js';
import { fetchBlob, saveBlob } from './officer-api.js';

type Attachment = { id: string; fileName: string; contentType: string; size: number };
type Component = { componentId: string; originals: number; certifiedCopies: number; copies: number; attachments: Attachment[] };
type Slip = { id: string; form: string; version: number; createdAt?: string };
export type DossierAnswer = {
  dossier: {
    id: string;
    code?: string;
    version: number;
    status: string;
    channel: string;
    resultDelivery: string;
    procedure: { code: string; version: number; name: Bilingual };
    receivingAgencyId: string;
    currentStep?: { agencyId: string; dueAt?: string; acknowledgedAt?: string; task?: string };
    applicant?: Record<string, unknown>;
    components?: Component[];
    createdAt: string;
    receivedAt?: string;
    dueAt?: string;
    dueExplanation?: Bilingual;
    originalDueAt?: string;
    extension?: { reason?: string };
    resolution?: { outcome: string; summary?: string; reason?: string };
  };
  allowedActions: string[];
  slips?: Slip[];
};

const roleName = (role: string): string => t(ROLE_LABELS[role] ?? (role === 'citizen' ? { vi: 'Công dân', en: 'Citizen' } : role === 'system' ? { vi: 'Hệ thống', en: 'System' } : { vi: role, en: role }));

const toDate = (v: unknown): Date | undefined => (v && typeof (v as Timestamp).toDate === 'function' ? (v as Timestamp).toDate() : undefined);

type AgencyRecord = AgencyOption & { active: boolean };
let agencyCache: Promise<AgencyRecord[]> | undefined;
function allAgencies(): Promise<AgencyRecord[]> {
  const today = new Date().toISOString().slice(0, 10);
  agencyCache ??= firestore()
    .then((db) => getDocs(collection(db, 'agencies')))
    .then((snap) =>
      snap.docs.map((d) => ({
        id: d.id,
        name: (d.get('name') as Bilingual | undefined) ?? { vi: d.id, en: d.id },
        active: !d.get('effectiveTo') || String(d.get('effectiveTo')) >= today,
      })),
    )
    .catch((err: unknown) => {
      agencyCache = undefined;
      throw err;
    });
  return agencyCache;
}
/** Agencies in operation: the targets a transfer or opinion request may name. */
const loadAgencies = async (): Promise<AgencyOption[]> => (await allAgencies()).filter((a) => a.active);
const agencyNames = new Map<string, Bilingual>();
/** "Văn phòng Đăng ký đất đai (000.00.14.H99)" once the names are loaded; the id alone before. */
const holderText = (step: { agencyId: string; dueAt?: string }): string =>
  `${agencyLabel(step.agencyId)}${step.dueAt ? ` · ${tx('hạn bước', 'step due')} ${formatDateTime(step.dueAt)}` : ''}`;
const agencyLabel = (id: string): string => (agencyNames.has(id) ? `${t(agencyNames.get(id)!)} (${id})` : id);

function applicantRows(a: Record<string, unknown> | undefined): HTMLElement {
  if (!a) return h('p', {}, tx('Không có thông tin người nộp.', 'No applicant details.'));
  const address = a.address as Record<string, string> | undefined;
  const identity = a.identity as { kind: string; number: string } | undefined;
  const rep = a.representative as { fullName?: string; title?: string } | undefined;
  const pairs: [string, string | undefined][] = [
    [tx('Người nộp', 'Applicant'), (a.fullName as string | undefined) ?? (a.name as string | undefined)],
    [tx('Mã số thuế', 'Tax code'), a.taxCode as string | undefined],
    [tx('Người đại diện', 'Representative'), rep ? `${rep.fullName ?? ''}, ${rep.title ?? ''}` : undefined],
    [tx('Giấy tờ tùy thân', 'Identity document'), identity ? `${identity.kind === 'passport' ? tx('Hộ chiếu', 'Passport') : tx('CCCD', 'Citizen ID')} ${identity.number}` : undefined],
    [tx('Ngày sinh', 'Date of birth'), a.dateOfBirth as string | undefined],
    [tx('Điện thoại', 'Phone'), a.phone as string | undefined],
    [tx('Email', 'Email'), a.email as string | undefined],
    [tx('Địa chỉ', 'Address'), address ? [address.line, address.communeName, address.districtName, address.provinceName].filter(Boolean).join(', ') : undefined],
  ];
  return h('dl', { 'data-testid': 'applicant' }, ...pairs.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v!)]));
}

export const mountDossier: ViewFactory = (root, ctx, dossierId) => {
  const id = dossierId ?? '';
  const stops: (() => void)[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let unmounted = false;
  let answer: DossierAnswer | undefined;
  let eventsSeen: DocumentData[] = [];
  let componentNames = new Map<string, Bilingual>();
  let suggestedAgencies: string[] = [];
  /** A message that survives the reload it causes (success, conflict). */
  let carry: { kind: 'ok' | 'conflict' | 'error'; text: string; expectSlip?: string } | undefined;

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
      await callApiAs(ctx.officer.user, `/dossiers/${encodeURIComponent(id)}/follow`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ follow: next }) });
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

  function setNotice(kind: 'ok' | 'conflict' | 'error', text: string): void {
    notice.replaceChildren(h('p', { class: `notice notice-${kind}`, 'data-kind': kind }, text));
  }

  const fetchAnswer = () => callApiAs<DossierAnswer>(ctx.officer.user, `/dossiers/${encodeURIComponent(id)}`);

  async function load(pending: Promise<DossierAnswer | undefined> = fetchAnswer()): Promise<void> {
    try {
      const fresh = await pending;
      if (unmounted) return;
      if (!fresh) throw firstError;
      answer = fresh;
      changed.hidden = true;
      render();
      if (carry) {
        setNotice(carry.kind, carry.text);
        if (carry.expectSlip) waitForSlip(carry.expectSlip);
        carry = undefined;
      }
    } catch (err) {
      if (unmounted) return;
      const m = describeError(err);
      body.replaceChildren(h('p', { class: 'notice notice-error', 'data-kind': 'error' }, t(m)));
    }
  }

  /** Object URLs of slips already fetched, and slips the page waits for after an action. */
  const slipUrls = new Map<string, string>();
  const slipWaiting = new Set<string>();

  function slipsOf(a: DossierAnswer): Slip[] {
    // Until the server lists slips, derive them from the events as the slip trigger does.
    const listed: Slip[] =
      a.slips ??
      eventsSeen
        .filter((e) => SLIP_FORM_OF_EVENT[String(e.type)])
        .map((e) => ({ id: slipId(SLIP_FORM_OF_EVENT[String(e.type)]!, Number(e.version)), form: SLIP_FORM_OF_EVENT[String(e.type)]!, version: Number(e.version) }));
    // Plus the slips made since the dossier was read: awaited, or fetched once they existed.
    const extra = [...new Set([...slipWaiting, ...slipUrls.keys()])]
      .filter((w) => !listed.some((s) => s.id === w))
      .map((w) => ({ id: w, form: w.slice(0, 2), version: Number(w.slice(3)) }));
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
    const button = h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'data-slip': s.id,
        onclick: async () => {
          out.textContent = tx('Đang tải…', 'Loading…');
          try {
            const blob = await fetchBlob(ctx.officer.user, `/dossiers/${id}/slips/${s.id}`);
            const fresh = URL.createObjectURL(blob);
            slipUrls.set(s.id, fresh);
            out.replaceChildren(readyLink(s.id, fresh));
            window.open(fresh, '_blank', 'noopener');
          } catch (err) {
            out.textContent = err instanceof ApiCallError && err.status === 404 ? tx('Phiếu đang được tạo, thử lại sau giây lát.', 'The slip is being made; try again in a moment.') : t(describeError(err));
          }
        },
      },
      t(SLIP_FORMS[s.form] ?? { vi: `Phiếu ${s.form}`, en: `Slip ${s.form}` }),
    );
    return h('li', {}, button, ' ', h('span', { class: 'en' }, s.id), ' ', out);
  }

  /** After an action that makes a slip, poll its download until the trigger has stored it. */
  function waitForSlip(slip: string, tries = 0): void {
    if (unmounted) return;
    slipWaiting.add(slip);
    if (tries === 0) renderSlips();
    void fetchBlob(ctx.officer.user, `/dossiers/${id}/slips/${slip}`)
      .then((blob) => {
        if (unmounted) return;
        slipUrls.set(slip, URL.createObjectURL(blob));
        slipWaiting.delete(slip);
        renderSlips();
      })
      .catch(() => {
        if (unmounted) return;
        if (tries >= 40) {
          slipWaiting.delete(slip);
          renderSlips();
          return;
        }
        const timer = setTimeout(() => {
          timers.delete(timer);
          waitForSlip(slip, tries + 1);
        }, 1000);
        timers.add(timer);
      });
  }

  function renderSlips(): void {
    const el = root.querySelector('#dossier-slips');
    if (!el || !answer) return;
    const slips = slipsOf(answer);
    el.replaceChildren(
      slips.length === 0 ? h('p', {}, tx('Chưa có phiếu nào.', 'No slips yet.')) : h('ul', { class: 'plain' }, ...slips.map(slipButton)),
    );
  }

  function renderTimeline(): void {
    const el = root.querySelector('#dossier-timeline');
    if (!el) return;
    el.replaceChildren(
      eventsSeen.length === 0
        ? h('p', {}, tx('Chưa có sự kiện.', 'No events yet.'))
        : h(
            'ol',
            { class: 'timeline' },
            ...eventsSeen.map((e) => {
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

  function render(): void {
    if (!answer) return;
    const d = answer.dossier;
    const due = d.dueAt ? new Date(d.dueAt) : undefined;
    const flags = computeFlags(d.status, due, new Date());
    const flag = flags.overdue ? 'overdue' : flags.dueSoon ? 'dueSoon' : undefined;
    root.querySelector('#dossier-title')!.textContent = `${tx('Hồ sơ', 'Dossier')} ${d.code ?? d.id}`;
    body.replaceChildren(
      h(
        'dl',
        { class: 'summary' },
        h('dt', {}, tx('Trạng thái', 'Status')),
        h('dd', { 'data-testid': 'status', 'data-status': d.status }, statusLabel(d.status)),
        h('dt', {}, tx('Thủ tục', 'Procedure')),
        h('dd', {}, `${t(d.procedure.name)} (${d.procedure.code})`),
        h('dt', {}, tx('Kênh nộp', 'Channel')),
        h('dd', {}, t(CHANNEL_LABELS[d.channel] ?? { vi: d.channel, en: d.channel })),
        h('dt', {}, tx('Nộp lúc', 'Submitted')),
        h('dd', {}, formatDateTime(d.createdAt)),
        d.receivedAt ? h('dt', {}, tx('Tiếp nhận lúc', 'Received')) : null,
        d.receivedAt ? h('dd', {}, formatDateTime(d.receivedAt)) : null,
        h('dt', {}, tx('Hạn trả kết quả', 'Due')),
        h(
          'dd',
          { 'data-testid': 'due' },
          due ? formatDateTime(due) : tx('Chưa có (tính khi tiếp nhận)', 'Not yet (set at reception)'),
          flag ? h('span', { class: `badge badge-${flag}`, 'data-flag': flag }, t(FLAG_TEXT[flag])) : null,
          d.originalDueAt && d.originalDueAt !== d.dueAt ? h('span', { class: 'en' }, ` (${tx('hẹn ban đầu', 'first appointment')} ${formatDateTime(d.originalDueAt)})`) : null,
        ),
        d.dueExplanation ? h('dt', {}, tx('Cách tính hạn', 'How the due date was computed')) : null,
        d.dueExplanation ? h('dd', { 'data-testid': 'explanation', class: 'explanation' }, t(d.dueExplanation)) : null,
        d.currentStep ? h('dt', {}, tx('Đang ở cơ quan', 'Now held by')) : null,
        d.currentStep ? h('dd', { 'data-testid': 'holder' }, holderText(d.currentStep)) : null,
        d.resolution ? h('dt', {}, tx('Kết quả', 'Result')) : null,
        d.resolution ? h('dd', { 'data-testid': 'resolution' }, `${d.resolution.outcome === 'approved' ? tx('Phê duyệt', 'Approved') : tx('Từ chối', 'Denied')}${d.resolution.summary ? ` — ${d.resolution.summary}` : ''}${d.resolution.reason ? ` — ${d.resolution.reason}` : ''}`) : null,
      ),
      actionsSection(),
      h('section', { 'aria-labelledby': 'applicant-title' }, h('h3', { id: 'applicant-title' }, tx('Người nộp hồ sơ', 'Applicant')), applicantRows(d.applicant)),
      componentsSection(d.components ?? []),
      h('section', { 'aria-labelledby': 'slips-title' }, h('h3', { id: 'slips-title' }, tx('Phiếu, giấy tờ đã in', 'Official slips')), h('div', { id: 'dossier-slips' })),
      h('section', { 'aria-labelledby': 'handoffs-title' }, h('h3', { id: 'handoffs-title' }, tx('Phiếu kiểm soát quá trình', 'Control slip')), h('div', { id: 'dossier-handoffs' }, h('p', { class: 'loading' }, tx('Đang tải…', 'Loading…')))),
      h('section', { 'aria-labelledby': 'timeline-title' }, h('h3', { id: 'timeline-title' }, tx('Quá trình xử lý', 'Timeline')), h('div', { id: 'dossier-timeline' })),
    );
    renderSlips();
    renderTimeline();
    void renderHandoffs();
  }

  function componentsSection(components: Component[]): HTMLElement {
    return h(
      'section',
      { 'aria-labelledby': 'components-title' },
      h('h3', { id: 'components-title' }, tx('Thành phần hồ sơ', 'Components')),
      components.length === 0
        ? h('p', {}, tx('Không có thành phần.', 'No components.'))
        : h(
            'ul',
            { class: 'components' },
            ...components.map((c) =>
              h(
                'li',
                {},
                h('strong', {}, componentNames.has(c.componentId) ? t(componentNames.get(c.componentId)!) : c.componentId),
                h('br'),
                h('span', { class: 'en' }, tx(`Bản chính ${c.originals} · bản sao chứng thực ${c.certifiedCopies} · bản sao ${c.copies}`, `Originals ${c.originals} · certified copies ${c.certifiedCopies} · copies ${c.copies}`)),
                c.attachments.length > 0
                  ? h(
                      'ul',
                      { class: 'plain' },
                      ...c.attachments.map((a) => {
                        const state = h('span', { class: 'en', 'aria-live': 'polite' });
                        return h(
                          'li',
                          {},
                          h(
                            'button',
                            {
                              type: 'button',
                              class: 'secondary small',
                              'data-upload': a.id,
                              onclick: async () => {
                                state.textContent = tx(' Đang tải…', ' Downloading…');
                                try {
                                  saveBlob(await fetchBlob(ctx.officer.user, `/uploads/${a.id}`), a.fileName);
                                  state.textContent = '';
                                } catch (err) {
                                  state.textContent = ` ${t(describeError(err))}`;
                                }
                              },
                            },
                            `${tx('Tải', 'Download')} ${a.fileName}`,
                          ),
                          ` (${Math.ceil(a.size / 1024)} KB)`,
                          state,
                        );
                      }),
                    )
                  : null,
              ),
            ),
          ),
    );
  }

  async function renderHandoffs(): Promise<void> {
    const el = root.querySelector('#dossier-handoffs');
    if (!el) return;
    try {
      const db = await firestore();
      const snap = await getDocs(collection(db, `dossiers/${id}/handoffs`));
      if (unmounted) return;
      const rows = snap.docs.map((x) => x.data());
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

  function actionsSection(): HTMLElement {
    const a = answer!;
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
              h('button', { type: 'button', 'data-action': type, class: type === 'refuseAtReception' || type === 'stop' ? 'secondary danger' : undefined, onclick: () => openForm(panel, type) }, actionLabel(type)),
            ),
          ),
      panel,
    );
  }

  function formContext() {
    return {
      agencies: loadAgencies,
      ownAgencyId: ctx.officer.agencyId,
      resultDelivery: answer?.dossier.resultDelivery,
      suggestedAgencies,
    };
  }

  function openForm(panel: HTMLElement, type: string): void {
    const a = answer!;
    const built = buildActionForm(type, formContext())!;
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
      root.querySelector<HTMLButtonElement>(`button[data-action="${type}"]`)?.focus();
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
    (form.querySelector<HTMLElement>('input, textarea, select') ?? form.querySelector<HTMLElement>('button'))?.focus();

    function showConfirm(action: Record<string, unknown>): void {
      form.hidden = true;
      confirmBox.hidden = false;
      const go = h('button', { type: 'button', id: 'confirm-action' }, tx('Xác nhận', 'Confirm'));
      const back = h('button', { type: 'button', class: 'secondary' }, tx('Quay lại', 'Back'));
      confirmBox.replaceChildren(
        h('h4', { id: 'confirm-title' }, tx(`Xác nhận: ${actionLabel(type)}?`, `Confirm: ${actionLabel(type)}?`)),
        h('ul', { id: 'confirm-lines' }, ...built.describe(action).map((l) => h('li', {}, l)), h('li', {}, tx(`Hồ sơ ${a.dossier.code ?? a.dossier.id}, phiên bản ${expectedVersion}`, `Dossier ${a.dossier.code ?? a.dossier.id}, version ${expectedVersion}`))),
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
        const res = await callApiAs<{ dossier: { status: string; version: number } }>(
          ctx.officer.user,
          `/dossiers/${encodeURIComponent(id)}/actions`,
          jsonPost({ requestId: sent.requestId, expectedVersion, action }),
        );
        const form = SLIP_FORM_OF_EVENT[type];
        carry = {
          kind: 'ok',
          text: tx(`Đã thực hiện: ${actionLabel(type)}. Trạng thái: ${statusLabel(res.dossier.status)}.`, `Done: ${actionLabel(type)}. Status: ${statusLabel(res.dossier.status)}.`),
          expectSlip: form ? slipId(form, res.dossier.version) : undefined,
        };
        await load();
        notice.querySelector('p')?.setAttribute('tabindex', '-1');
        notice.querySelector<HTMLElement>('p')?.focus();
      } catch (err) {
        const body = err instanceof ApiCallError ? err.body : undefined;
        const reason = (body?.error as { reason?: string; currentStatus?: string } | undefined)?.reason;
        if (err instanceof ApiCallError && err.status === 409 && reason === 'staleVersion') {
          const status = (body!.error as { currentStatus?: string }).currentStatus ?? '';
          carry = {
            kind: 'conflict',
            text: `Cán bộ khác đã xử lý hồ sơ này trước bạn / Another officer acted first. Trạng thái hiện tại / Current status: ${statusLabelBoth(status)}.`,
          };
          await load();
          notice.querySelector('p')?.setAttribute('tabindex', '-1');
          notice.querySelector<HTMLElement>('p')?.focus();
          return;
        }
        button.disabled = false;
        button.textContent = tx('Xác nhận', 'Confirm');
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

  // The first answer is asked at once, in parallel with the SDK and the reference reads.
  let firstError: unknown;
  const answerPromise: Promise<DossierAnswer | undefined> = fetchAnswer().catch((err: unknown) => {
    firstError = err;
    return undefined;
  });

  // Live timeline: also tells the officer when someone else changes the dossier under their eyes.
  void firestore().then(async (db) => {
    if (unmounted) return;
    stops.push(
      onSnapshot(
        query(collection(db, `dossiers/${id}/events`), orderBy('version')),
        (snap) => {
          eventsSeen = snap.docs.map((x) => x.data());
          const latest = eventsSeen.reduce((m, e) => Math.max(m, Number(e.version ?? 0)), 0);
          if (answer && latest > answer.dossier.version && !carry) {
            changed.textContent = tx('Hồ sơ vừa được cập nhật bởi thao tác khác.', 'The dossier was just changed by another action.');
            changed.hidden = false;
          }
          renderTimeline();
          if (answer && !answer.slips) renderSlips();
        },
        () => undefined,
      ),
    );
    // Everything the first render needs is read together, so nothing shifts under the officer's pointer
    // afterwards: component names and the procedure's route (suggested transfer targets), agency names,
    // and whether the officer follows the dossier. Each is optional: the page works without it.
    const [procedure, agencies, me] = await Promise.all([
      answerPromise.then((a) => (a ? getDoc(doc(db, `procedures/${a.dossier.procedure.code}/versions/${a.dossier.procedure.version}`)) : undefined)).catch(() => undefined),
      agencyNames.size > 0 ? Promise.resolve(undefined) : allAgencies().catch(() => undefined),
      getDoc(doc(db, 'users', ctx.officer.uid)).catch(() => undefined),
    ]);
    for (const a of agencies ?? []) agencyNames.set(a.id, a.name);
    const components = (procedure?.get('components') as { id: string; name: Bilingual }[] | undefined) ?? [];
    componentNames = new Map(components.map((c) => [c.id, c.name]));
    const steps = (procedure?.get('steps') as { performer?: { kind?: string; agencyId?: string } }[] | undefined) ?? [];
    suggestedAgencies = steps.map((s) => s.performer?.agencyId).filter((x): x is string => typeof x === 'string');
    if (me) {
      const followed = (me.get('followedDossierIds') as string[] | undefined) ?? [];
      follow.setAttribute('aria-pressed', String(followed.includes(id)));
      follow.hidden = false;
    }
    await load(answerPromise);
  });

  return {
    unmount: () => {
      unmounted = true;
      for (const stop of stops) stop();
      for (const timer of timers) clearTimeout(timer);
      for (const url of slipUrls.values()) URL.revokeObjectURL(url);
    },
  };
};

export type { ViewContext };

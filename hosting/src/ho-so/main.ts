// My dossiers (/ho-so/ and /ho-so/<dossierId>): the signed-in citizen's dossiers, live from Firestore
// (`ownerUserId == uid`); one dossier's timeline (its events), due date and how it was set, official slips
// to download, the answer to a supplement request, and the way to rate once the result is returned.
import '../shared/style.css';
import '../shared/forms.css';
import './page.css';
import type { User } from 'firebase/auth';
import { collection, doc, onSnapshot, orderBy, query, where, type Unsubscribe } from 'firebase/firestore';
import { ACTION_LABEL_TEXT } from '../../../functions/src/domain/lifecycle/action-labels.js';
import { STATUS_INFO } from '../../../functions/src/domain/lifecycle/status-info.js';
import { ApiCallError, describeError, type Bilingual } from '../shared/api.js';
import { withCitizen } from '../shared/citizen-session.js';
import { mountInbox } from './inbox.js';
import { byId, h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { firestore } from '../shared/firestore.js';
import { clearFieldErrors, showFieldErrors, type FieldProblem } from '../shared/form-errors.js';
import { mountLangSwitch, onLangChange, t } from '../shared/i18n.js';
import { callApiAs, jsonPost, newRequestId } from '../shared/session.js';
import { ACCEPT_ATTRIBUTE, fileProblem, uploadFile, type UploadAnswer } from '../shared/upload.js';

type Stamp = { toDate(): Date } | string | Date | null | undefined;
type SupplementItem = { componentId?: string; name: string; problem: string };
type DossierDoc = {
  id: string;
  code?: string;
  version: number;
  status: keyof typeof STATUS_INFO;
  procedure: { code: string; name: Bilingual };
  receivingAgencyId: string;
  createdAt?: Stamp;
  submittedAt?: Stamp;
  receivedAt?: Stamp;
  dueAt?: Stamp;
  dueExplanation?: Bilingual;
  extensionCount?: number;
  extension?: { reason: string; apology: string; newDueAt: Stamp };
  supplement?: { reason: string; guidance?: string; items: SupplementItem[]; requestedAt: Stamp; submittedAt?: Stamp };
  resolution?: { outcome: 'approved' | 'denied'; reason?: string; summary?: string };
  resultReturnedAt?: Stamp;
  closingReason?: string;
};
type EventDoc = { version: number; type: keyof typeof ACTION_LABEL_TEXT; at: Stamp; from?: string; to?: keyof typeof STATUS_INFO };
type Attachment = { id: string; fileName: string; contentType: string; size: number; sha256: string };
type Component = { componentId: string; originals: number; certifiedCopies: number; copies: number; attachments: Attachment[] };
type Slip = { id: string; form: string; version: number; createdAt: string };
type ApiDossier = { dossier: { components?: Component[]; version: number }; allowedActions?: string[]; slips?: Slip[] };

const SLIP_NAMES: Record<string, Bilingual> = {
  '01': { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and appointment' },
  '02': { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Supplement request' },
  '03': { vi: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', en: 'Refusal notice' },
  '04': { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new appointment' },
  '05': { vi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', en: 'Processing control slip' },
};

const app = byId('app');
mountLangSwitch();
const dossierId = decodeURIComponent(location.pathname.replace(/^\/ho-so\/?/, '').replace(/\/$/, ''));

let user: User | undefined;
let stop: Unsubscribe[] = [];
let listItems: DossierDoc[] | undefined;
let current: DossierDoc | null | undefined;
let events: EventDoc[] = [];
let api: ApiDossier | undefined;
let apiError: Bilingual | undefined;
let listError: Bilingual | undefined;
/** A message about the citizen's own last action, shown until the dossier moves past it. */
let message: { state: 'ok' | 'error'; text: Bilingual; untilVersion: number } | undefined;
/** New files per component for the supplement answer, kept across live re-renders. */
const supplementFiles = new Map<string, UploadAnswer[]>();
let supplementRequestId: string | undefined;

function toDate(value: Stamp): Date | undefined {
  if (!value) return undefined;
  if (typeof value === 'string') return new Date(value);
  if (value instanceof Date) return value;
  return value.toDate();
}
const when = (value: Stamp) => {
  const d = toDate(value);
  return d ? formatDateTime(d) : '—';
};
const statusLabel = (status: keyof typeof STATUS_INFO) => t(STATUS_INFO[status]?.label ?? { vi: status, en: status });

// ---- the list ------------------------------------------------------------------------------------
function renderList(): void {
  if (listError) {
    app.dataset.state = 'error';
    app.replaceChildren(h('p', { class: 'status' }, t(listError)));
    return;
  }
  if (!listItems) return;
  app.dataset.state = 'ok';
  const sorted = [...listItems].sort((a, b) => (toDate(b.createdAt)?.getTime() ?? 0) - (toDate(a.createdAt)?.getTime() ?? 0));
  app.replaceChildren(
    h('p', { class: 'who' }, t({ vi: `Đăng nhập: ${user?.email ?? ''}`, en: `Signed in as ${user?.email ?? ''}` })),
    h('h2', {}, t({ vi: 'Danh sách hồ sơ', en: 'Your dossiers' })),
    h('p', { id: 'dossier-count', role: 'status' }, t({ vi: `${sorted.length} hồ sơ`, en: `${sorted.length} dossier${sorted.length === 1 ? '' : 's'}` })),
    sorted.length === 0
      ? h('p', {}, t({ vi: 'Bạn chưa nộp hồ sơ trực tuyến nào. ', en: 'You have not applied online yet. ' }), h('a', { href: '/' }, t({ vi: 'Tìm thủ tục', en: 'Find a procedure' })))
      : h(
          'ul',
          { class: 'dossiers', id: 'dossier-list' },
          ...sorted.map((d) =>
            h(
              'li',
              { 'data-code': d.code ?? '', 'data-status': d.status },
              h('a', { href: `/ho-so/${encodeURIComponent(d.id)}` }, d.code ?? t({ vi: '(chưa có mã)', en: '(no code yet)' })),
              h('span', { class: 'procedure' }, t(d.procedure.name)),
              h('span', { class: 'status-label', 'data-testid': 'status' }, statusLabel(d.status)),
              h('span', { class: 'due' }, d.dueAt ? t({ vi: `Hẹn trả: ${when(d.dueAt)}`, en: `Due: ${when(d.dueAt)}` }) : t({ vi: 'Chưa có ngày hẹn (chờ tiếp nhận)', en: 'No due date yet (awaiting reception)' })),
            ),
          ),
        ),
  );
}

async function watchList(uid: string): Promise<void> {
  const db = await firestore();
  stop.push(
    onSnapshot(
      query(collection(db, 'dossiers'), where('ownerUserId', '==', uid)),
      (snap) => {
        listItems = snap.docs.map((d) => ({ ...(d.data() as Omit<DossierDoc, 'id'>), id: d.id }));
        listError = undefined;
        renderList();
      },
      () => {
        listError = { vi: 'Không tải được danh sách hồ sơ.', en: 'Could not load your dossiers.' };
        renderList();
      },
    ),
  );
}

// ---- one dossier ---------------------------------------------------------------------------------
/** Actions after which the slip trigger makes an official slip (features/slips): receipt, supplement request, refusal, apology, transfer. */
const SLIP_ACTIONS = new Set(['receive', 'requestSupplement', 'refuseAtReception', 'extend', 'transfer', 'acknowledgeTransfer']);
let slipRetry: ReturnType<typeof setTimeout> | undefined;

async function loadApi(attempt = 0): Promise<void> {
  if (!user) return;
  clearTimeout(slipRetry);
  slipRetry = undefined;
  try {
    api = await callApiAs<ApiDossier>(user, `/dossiers/${encodeURIComponent(dossierId)}`);
    apiError = undefined;
  } catch (err) {
    apiError = describeError(err);
  }
  renderDossier();
  // The slip of the latest action is made by a trigger moments after it: ask again until it is there.
  if (slipMissing() && attempt < 8) slipRetry = setTimeout(() => void loadApi(attempt + 1), 1500 * (attempt + 1));
}

function slipMissing(): boolean {
  const last = events[events.length - 1];
  const slips = api?.slips;
  return !!last && SLIP_ACTIONS.has(last.type) && Array.isArray(slips) && !slips.some((s) => s.version === last.version);
}

async function watchDossier(uid: string): Promise<void> {
  void uid;
  const db = await firestore();
  let lastVersion = -1;
  stop.push(
    onSnapshot(
      doc(db, 'dossiers', dossierId),
      (snap) => {
        current = snap.exists() ? { ...(snap.data() as Omit<DossierDoc, 'id'>), id: snap.id } : null;
        if (message && current && current.version > message.untilVersion) message = undefined;
        renderDossier();
        // Slips and the personal part come from the API: refresh them when the dossier moves.
        if (current && current.version !== lastVersion) {
          lastVersion = current.version;
          void loadApi();
        }
      },
      () => {
        current = null;
        renderDossier();
      },
    ),
    onSnapshot(
      query(collection(db, 'dossiers', dossierId, 'events'), orderBy('version')),
      (snap) => {
        events = snap.docs.map((d) => d.data() as EventDoc);
        renderDossier();
        if (slipMissing() && slipRetry === undefined) void loadApi();
      },
      () => undefined,
    ),
  );
}

async function openSlip(slip: Slip, output: HTMLElement): Promise<void> {
  output.dataset.state = 'pending';
  output.textContent = t({ vi: 'Đang tải phiếu…', en: 'Downloading the slip…' });
  try {
    const token = await user!.getIdToken();
    const res = await fetch(`/api/dossiers/${encodeURIComponent(dossierId)}/slips/${encodeURIComponent(slip.id)}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new ApiCallError(res.status, undefined);
    const blob = await res.blob();
    const url = URL.createObjectURL(blob);
    const opened = window.open(url, '_blank', 'noopener');
    if (!opened) {
      const a = h('a', { href: url, download: `${current?.code ?? dossierId}-${slip.id}.pdf` });
      document.body.append(a);
      a.click();
      a.remove();
    }
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    output.dataset.state = 'ok';
    output.textContent = t({ vi: `Đã tải phiếu (${Math.ceil(blob.size / 1024)} KB).`, en: `Slip downloaded (${Math.ceil(blob.size / 1024)} KB).` });
  } catch (err) {
    output.dataset.state = 'error';
    output.textContent = t(describeError(err));
  }
}

function slipsSection(): HTMLElement | null {
  const slips = api?.slips ?? [];
  if (slips.length === 0) return null;
  const output = h('p', { id: 'slip-status', class: 'status', role: 'status' });
  return h(
    'section',
    { 'aria-labelledby': 'slips-title' },
    h('h2', { id: 'slips-title' }, t({ vi: 'Phiếu, giấy tờ của hồ sơ', en: 'Official slips' })),
    h(
      'ul',
      { id: 'slips' },
      ...slips.map((s) =>
        h(
          'li',
          {},
          h('button', { type: 'button', class: 'secondary', 'data-slip': s.id, onclick: () => void openSlip(s, output) }, `${t(SLIP_NAMES[s.form] ?? { vi: `Mẫu ${s.form}`, en: `Form ${s.form}` })} (${t({ vi: 'mẫu', en: 'form' })} ${s.form})`),
          ` ${formatDateTime(s.createdAt)}`,
        ),
      ),
    ),
    output,
  );
}

function supplementSection(d: DossierDoc): HTMLElement | null {
  if (d.status !== 'awaitingSupplement' || !d.supplement) return null;
  const s = d.supplement;
  const items = s.items.map((item, i) => {
    const key = item.componentId ?? `item-${i}`;
    const inputId = `supplement-files-${i}`;
    const input = h('input', { id: inputId, type: 'file', multiple: true, accept: ACCEPT_ATTRIBUTE, 'aria-describedby': `${inputId}-hint` });
    const progress = h('ul', { class: 'progress-list', 'aria-live': 'polite' });
    input.addEventListener('change', () => void addSupplementFiles(key, input, progress));
    const added = supplementFiles.get(key) ?? [];
    return h(
      'fieldset',
      { 'data-item': key },
      h('legend', {}, item.name),
      h('p', {}, item.problem),
      h('label', { for: inputId }, t({ vi: 'Tải lên giấy tờ bổ sung', en: 'Upload the document' })),
      h('p', { class: 'hint', id: `${inputId}-hint` }, t({ vi: 'PDF, JPEG hoặc PNG, mỗi tệp tối đa 10 MB.', en: 'PDF, JPEG or PNG, up to 10 MB each.' })),
      input,
      progress,
      added.length ? h('ul', { class: 'files' }, ...added.map((f) => h('li', {}, f.fileName))) : null,
    );
  });
  const button = h('button', { type: 'submit', id: 'send-supplement' }, t({ vi: 'Gửi hồ sơ bổ sung', en: 'Send the supplement' }));
  const form = h(
    'form',
    { id: 'supplement-form', novalidate: true },
    h('h2', { id: 'supplement-title' }, t({ vi: 'Cơ quan yêu cầu bổ sung hồ sơ', en: 'The agency asks for more documents' })),
    h('p', {}, h('strong', {}, `${t({ vi: 'Lý do', en: 'Reason' })}: `), h('span', { 'data-testid': 'supplement-reason' }, s.reason)),
    s.guidance ? h('p', {}, h('strong', {}, `${t({ vi: 'Hướng dẫn', en: 'Guidance' })}: `), s.guidance) : null,
    h('p', { class: 'hint' }, t({ vi: `Yêu cầu lúc ${when(s.requestedAt)}. Chỉ cần bổ sung đúng những giấy tờ dưới đây.`, en: `Requested at ${when(s.requestedAt)}. Only the documents below are needed.` })),
    ...items,
    h('div', { class: 'actions' }, button),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void sendSupplement(d, button);
  });
  return h('section', { class: 'panel note', 'aria-labelledby': 'supplement-title' }, form);
}

async function addSupplementFiles(key: string, input: HTMLInputElement, progress: HTMLElement): Promise<void> {
  const form = byId('supplement-form');
  const files = Array.from(input.files ?? []);
  input.value = '';
  const problems: FieldProblem[] = files.flatMap((f) => {
    const p = fileProblem(f);
    return p ? [{ inputId: input.id, message: p }] : [];
  });
  if (problems.length) {
    showFieldErrors(form, problems);
    return;
  }
  clearFieldErrors(form);
  const failures: FieldProblem[] = [];
  for (const file of files) {
    const bar = h('progress', { max: 100, value: 0, 'aria-label': t({ vi: `Đang tải lên ${file.name}`, en: `Uploading ${file.name}` }) });
    const row = h('li', {}, `${file.name} `, bar);
    progress.append(row);
    try {
      const answer = await uploadFile(user!, file, undefined, (f) => {
        bar.value = Math.round(f * 100);
      });
      supplementFiles.set(key, [...(supplementFiles.get(key) ?? []), answer]);
    } catch (err) {
      failures.push({ inputId: input.id, message: describeError(err) });
    }
    row.remove();
  }
  renderDossier();
  if (failures.length) showFieldErrors(byId('supplement-form'), failures);
}

/** The components after the supplement: what was there, plus the new files on the components asked for. */
/** What the supplement adds, per component: the files just uploaded (the server attaches them by id). */
function supplementAdditions(d: DossierDoc): { componentId: string; uploadIds: string[] }[] {
  const byComponent = new Map<string, string[]>();
  d.supplement!.items.forEach((item, i) => {
    const added = supplementFiles.get(item.componentId ?? `item-${i}`) ?? [];
    const componentId = item.componentId ?? api?.dossier.components?.[0]?.componentId;
    if (added.length === 0 || !componentId) return;
    byComponent.set(componentId, [...(byComponent.get(componentId) ?? []), ...added.map((a) => a.uploadId)]);
  });
  return [...byComponent].map(([componentId, uploadIds]) => ({ componentId, uploadIds }));
}

async function sendSupplement(d: DossierDoc, button: HTMLButtonElement): Promise<void> {
  const form = byId('supplement-form');
  const missing: FieldProblem[] = d.supplement!.items.flatMap((item, i) =>
    (supplementFiles.get(item.componentId ?? `item-${i}`) ?? []).length === 0 ? [{ inputId: `supplement-files-${i}`, message: { vi: `Tải lên: ${item.name}`, en: `Upload: ${item.name}` } }] : [],
  );
  if (missing.length) {
    showFieldErrors(form, missing);
    return;
  }
  button.disabled = true;
  supplementRequestId ??= newRequestId();
  try {
    await callApiAs(user!, `/dossiers/${encodeURIComponent(dossierId)}/actions`, jsonPost({ requestId: supplementRequestId, expectedVersion: d.version, action: { type: 'submitSupplement', components: supplementAdditions(d) } }));
    supplementFiles.clear();
    supplementRequestId = undefined;
    message = { state: 'ok', text: { vi: 'Đã gửi hồ sơ bổ sung. Cơ quan sẽ tiếp tục giải quyết.', en: 'Supplement sent. The agency will carry on.' }, untilVersion: d.version + 1 };
  } catch (err) {
    button.disabled = false;
    const body = err instanceof ApiCallError ? err.body : undefined;
    if (body && (body.error as { reason?: string }).reason === 'staleVersion') {
      supplementRequestId = undefined;
      message = { state: 'error', text: { vi: 'Hồ sơ vừa được cập nhật. Trang đã tải lại; vui lòng kiểm tra và gửi lại.', en: 'The dossier has just changed. The page has been reloaded; please check and send again.' }, untilVersion: Number.MAX_SAFE_INTEGER };
      await loadApi();
    } else {
      message = { state: 'error', text: describeError(err), untilVersion: d.version };
      if (body?.error.fields.length) showFieldErrors(form, body.error.fields.map((f) => ({ inputId: '', message: f.message })));
    }
  }
  renderDossier();
}

function timeline(): HTMLElement {
  return h(
    'ol',
    { class: 'timeline', id: 'timeline' },
    ...events.map((e) =>
      h(
        'li',
        { 'data-type': e.type },
        h('span', { class: 'when' }, when(e.at)),
        h('strong', {}, t(ACTION_LABEL_TEXT[e.type] ?? { vi: e.type, en: e.type })),
        e.to && e.to !== e.from ? h('span', { class: 'to' }, ` → ${statusLabel(e.to)}`) : null,
      ),
    ),
  );
}

function renderDossier(): void {
  if (current === undefined) return;
  if (current === null) {
    app.dataset.state = 'error';
    app.replaceChildren(h('h2', {}, t({ vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' })), h('p', {}, h('a', { href: '/ho-so/' }, t({ vi: 'Về danh sách hồ sơ của tôi', en: 'Back to my dossiers' }))));
    return;
  }
  const d = current;
  const canRate = d.status === 'returned';
  app.dataset.state = 'ok';
  const focusedId = document.activeElement?.id;
  const parts: (HTMLElement | null)[] = [
    h('p', {}, h('a', { href: '/ho-so/' }, t({ vi: '← Hồ sơ của tôi', en: '← My dossiers' }))),
    h('h2', { id: 'dossier-title' }, t(d.procedure.name)),
    message ? h('p', { class: 'status', id: 'dossier-message', role: 'status', 'data-state': message.state }, t(message.text)) : null,
    h(
      'dl',
      {},
      h('dt', {}, t({ vi: 'Mã hồ sơ', en: 'Dossier code' })),
      h('dd', { 'data-testid': 'code' }, d.code ?? '—'),
      h('dt', {}, t({ vi: 'Tình trạng', en: 'Status' })),
      h('dd', { 'data-testid': 'status' }, statusLabel(d.status)),
      h('dt', {}, t({ vi: 'Ngày nộp', en: 'Submitted' })),
      h('dd', {}, when(d.submittedAt ?? d.createdAt)),
      d.receivedAt ? h('dt', {}, t({ vi: 'Ngày tiếp nhận', en: 'Received' })) : null,
      d.receivedAt ? h('dd', {}, when(d.receivedAt)) : null,
      h('dt', {}, t({ vi: 'Hẹn trả kết quả', en: 'Result due' })),
      h('dd', { 'data-testid': 'due' }, d.dueAt ? when(d.dueAt) : t({ vi: 'Có khi hồ sơ được tiếp nhận', en: 'Set when the dossier is received' })),
      d.dueExplanation ? h('dt', {}, t({ vi: 'Cách tính hạn', en: 'How the date was set' })) : null,
      d.dueExplanation ? h('dd', { 'data-testid': 'explanation', class: 'explanation' }, t(d.dueExplanation)) : null,
      d.resultReturnedAt ? h('dt', {}, t({ vi: 'Đã trả kết quả', en: 'Result returned' })) : null,
      d.resultReturnedAt ? h('dd', {}, when(d.resultReturnedAt)) : null,
    ),
    d.extension ? h('p', { class: 'panel note' }, t({ vi: 'Cơ quan đã gửi phiếu xin lỗi và hẹn lại ngày trả: ', en: 'The agency apologised and set a new date: ' }), d.extension.apology) : null,
    supplementSection(d),
    canRate
      ? h('p', { class: 'panel' }, h('a', { id: 'rate-link', href: `/danh-gia/${encodeURIComponent(d.code ?? '')}` }, t({ vi: 'Đánh giá mức độ hài lòng với việc giải quyết hồ sơ', en: 'Rate how your dossier was handled' })))
      : null,
    h('section', { 'aria-labelledby': 'timeline-title' }, h('h2', { id: 'timeline-title' }, t({ vi: 'Quá trình xử lý', en: 'Progress' })), timeline()),
    slipsSection(),
    apiError ? h('p', { class: 'status', 'data-state': 'error' }, t(apiError)) : null,
  ];
  app.replaceChildren(...parts.filter((x): x is HTMLElement => x !== null));
  if (focusedId) document.getElementById(focusedId)?.focus();
}

function startFor(signedIn: User): void {
  for (const fn of stop) fn();
  stop = [];
  user = signedIn;
  if (dossierId) void watchDossier(signedIn.uid);
  else {
    void watchList(signedIn.uid);
    void mountInbox(byId('inbox'), signedIn).then((unsubscribe) => stop.push(unsubscribe));
  }
}

onLangChange(() => (dossierId ? renderDossier() : renderList()));
void withCitizen(app, startFor, { vi: 'Đăng nhập để xem các hồ sơ bạn đã nộp.', en: 'Sign in to see the dossiers you have submitted.' }, () => {
  for (const fn of stop) fn();
  stop = [];
  user = undefined;
  listItems = undefined;
  current = undefined;
  byId('inbox').replaceChildren();
});

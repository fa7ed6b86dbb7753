// What the dossier is: the summary (status, procedure, due date with its deadline badge and how it was
// computed, who holds it now, the result), the applicant's details and the components with their
// attachments, each downloadable with the officer's token.
import type { User } from 'firebase/auth';
import { describeError, type Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { saveBlob } from '../shared/download.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { agencyLabel } from './agency-names.js';
import { fetchUpload, type Attachment, type Component, type DossierAnswer } from './api.js';
import { computeFlags, FLAG_TEXT } from './deadlines.js';
import { downloadButton } from './download-button.js';
import { CHANNEL_LABELS, statusLabel, tx } from './labels.js';

export function summaryList(d: DossierAnswer['dossier']): HTMLElement {
  const due = d.dueAt ? new Date(d.dueAt) : undefined;
  const flags = computeFlags(d.status, due, new Date());
  const flag = flags.overdue ? 'overdue' : flags.dueSoon ? 'dueSoon' : undefined;
  const competent = d.competentAgencyId !== undefined && d.competentAgencyId !== d.receivingAgencyId ? d.competentAgencyId : undefined;
  return h(
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
      // Said in words: an extension is a promise broken once (form 04), not only a changed date.
      d.extension ? h('span', { 'data-testid': 'extended' }, ` · ${tx('Đã gia hạn', 'Extended')}`) : null,
    ),
    d.dueExplanation ? h('dt', {}, tx('Cách tính hạn', 'How the due date was computed')) : null,
    d.dueExplanation ? h('dd', { 'data-testid': 'explanation', class: 'explanation' }, t(d.dueExplanation)) : null,
    h('dt', {}, tx('Nơi tiếp nhận', 'Received at')),
    h('dd', { 'data-testid': 'receiving-agency' }, agencyLabel(d.receivingAgencyId)),
    // Decree 118 Art. 14: received at one desk, decided by another agency (the result comes back here).
    competent ? h('dt', {}, tx('Cơ quan có thẩm quyền giải quyết', 'Agency deciding the dossier')) : null,
    competent ? h('dd', { 'data-testid': 'competent-agency' }, agencyLabel(competent)) : null,
    d.currentStep ? h('dt', {}, tx('Đang ở cơ quan', 'Now held by')) : null,
    d.currentStep
      ? h(
          'dd',
          { 'data-testid': 'holder' },
          agencyLabel(d.currentStep.agencyId),
          d.currentStep.dueAt ? h('span', { 'data-testid': 'step-due', 'data-due': d.currentStep.dueAt }, ` · ${tx('hạn bước', 'step due')} ${formatDateTime(d.currentStep.dueAt)}`) : null,
        )
      : null,
    d.resolution ? h('dt', {}, tx('Kết quả', 'Result')) : null,
    d.resolution ? h('dd', { 'data-testid': 'resolution' }, `${d.resolution.outcome === 'approved' ? tx('Phê duyệt', 'Approved') : tx('Từ chối', 'Denied')}${d.resolution.summary ? ` — ${d.resolution.summary}` : ''}${d.resolution.reason ? ` — ${d.resolution.reason}` : ''}`) : null,
  );
}

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

export function applicantSection(applicant: Record<string, unknown> | undefined): HTMLElement {
  return h('section', { 'aria-labelledby': 'applicant-title' }, h('h3', { id: 'applicant-title' }, tx('Người nộp hồ sơ', 'Applicant')), applicantRows(applicant));
}

/** Who put a file in, as the desk reads it: the applicant online, this officer, or another officer. */
export type UploaderName = (uid: string) => string;

function attachmentItem(user: User, a: Attachment, uploader: UploaderName): HTMLElement {
  const state = h('span', { class: 'en', 'aria-live': 'polite' });
  const button = downloadButton({
    fetch: () => fetchUpload(user, a.id),
    attrs: { class: 'secondary small', 'data-upload': a.id },
    label: `${tx('Tải', 'Download')} ${a.fileName}`,
    status: state,
    loadingText: tx(' Đang tải…', ' Downloading…'),
    onBlob: (blob) => {
      saveBlob(blob, a.fileName);
      state.textContent = '';
    },
    errorText: (err) => ` ${t(describeError(err))}`,
  });
  return h(
    'li',
    { 'data-attachment': a.id, class: a.replacedAt ? 'replaced' : undefined },
    button,
    ` (${Math.ceil(a.size / 1024)} KB)`,
    // A file a supplement superseded stays on record, plainly marked so nobody appraises the old one.
    a.replacedAt ? h('span', { class: 'replaced-mark', 'data-testid': 'replaced' }, ` — ${tx(`Đã được thay thế lúc ${formatDateTime(a.replacedAt)}`, `Replaced at ${formatDateTime(a.replacedAt)}`)}`) : null,
    state,
    // Decree 118 Art. 17.1: each scan is recorded with who made it, ready for their signature.
    a.uploadedBy
      ? h(
          'span',
          { class: 'uploader', 'data-testid': 'uploaded-by', 'data-uid': a.uploadedBy },
          h('br'),
          `${tx('Tải lên / số hóa bởi', 'Uploaded or scanned by')}: ${uploader(a.uploadedBy)}${a.uploadedAt ? ` — ${formatDateTime(a.uploadedAt)}` : ''}`,
        )
      : null,
    h('br'),
    h('span', { class: 'en sha', title: a.sha256 }, `SHA-256 ${a.sha256.slice(0, 16)}…`),
  );
}

export function componentsSection(components: Component[], componentNames: Map<string, Bilingual>, user: User, uploader: UploaderName): HTMLElement {
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
              h('strong', { 'data-component': c.componentId }, c.name ?? (componentNames.has(c.componentId) ? t(componentNames.get(c.componentId)!) : c.componentId)),
              h('br'),
              h('span', { class: 'en' }, tx(`Bản chính ${c.originals} · bản sao chứng thực ${c.certifiedCopies} · bản sao ${c.copies}`, `Originals ${c.originals} · certified copies ${c.certifiedCopies} · copies ${c.copies}`)),
              c.attachments.length > 0 ? h('ul', { class: 'plain' }, ...c.attachments.map((a) => attachmentItem(user, a, uploader))) : null,
            ),
          ),
        ),
  );
}

const yes = (v: boolean | undefined): string => (v ? tx('có', 'yes') : tx('không', 'no'));

/**
 * The applicant's request to stop processing (Decree 118 Art. 21): pending until the desk confirms it
 * (the "confirm" action), then what was handed back. Nothing when there is none.
 */
export function stopRequestSection(d: DossierAnswer['dossier']): HTMLElement | null {
  const s = d.stopRequest;
  if (!s) return null;
  const confirmed = s.confirmedAt !== undefined;
  return h(
    'section',
    { 'aria-labelledby': 'stop-request-title', class: `stop-request ${confirmed ? 'confirmed' : 'pending'}`, id: 'stop-request', 'data-state': confirmed ? 'confirmed' : 'pending' },
    h('h3', { id: 'stop-request-title' }, tx('Đề nghị dừng giải quyết hồ sơ', 'Request to stop processing')),
    h(
      'p',
      { class: 'stop-state', 'data-testid': 'stop-state' },
      confirmed ? tx(`Đã xác nhận dừng lúc ${formatDateTime(s.confirmedAt!)}`, `Stop confirmed at ${formatDateTime(s.confirmedAt!)}`) : tx('Đang chờ xác nhận dừng', 'Stop requested, awaiting confirmation'),
    ),
    h(
      'dl',
      {},
      h('dt', {}, tx('Lý do', 'Reason')),
      h('dd', { 'data-testid': 'stop-reason' }, s.reason),
      h('dt', {}, tx('Đề nghị lúc', 'Asked at')),
      h('dd', {}, formatDateTime(s.requestedAt)),
      h('dt', {}, tx('Hình thức', 'How')),
      h('dd', { 'data-testid': 'stop-via', 'data-via': s.via }, s.via === 'desk' ? tx('Tại quầy (cán bộ ghi nhận)', 'At the desk (recorded by an officer)') : tx('Trực tuyến (người nộp)', 'Online (by the applicant)')),
      ...(confirmed
        ? [
            h('dt', {}, tx('Đã trả hồ sơ giấy', 'Papers returned')),
            h('dd', { 'data-testid': 'papers-returned' }, yes(s.papersReturned)),
            h('dt', {}, tx('Đã hoàn phí, lệ phí', 'Fees refunded')),
            h('dd', { 'data-testid': 'fees-refunded' }, yes(s.feesRefunded)),
          ]
        : []),
    ),
  );
}

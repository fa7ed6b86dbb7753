// What the dossier is: the summary (status, procedure, due date with its deadline badge and how it was
// computed, who holds it now, the result), the applicant's details and the components with their
// attachments, each downloadable with the officer's token.
import type { User } from 'firebase/auth';
import { describeError, type Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { saveBlob } from '../shared/download.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { holderText } from './agency-names.js';
import { fetchUpload, type Attachment, type Component, type DossierAnswer } from './api.js';
import { computeFlags, FLAG_TEXT } from './deadlines.js';
import { downloadButton } from './download-button.js';
import { CHANNEL_LABELS, statusLabel, tx } from './labels.js';

export function summaryList(d: DossierAnswer['dossier']): HTMLElement {
  const due = d.dueAt ? new Date(d.dueAt) : undefined;
  const flags = computeFlags(d.status, due, new Date());
  const flag = flags.overdue ? 'overdue' : flags.dueSoon ? 'dueSoon' : undefined;
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
    d.currentStep ? h('dt', {}, tx('Đang ở cơ quan', 'Now held by')) : null,
    d.currentStep ? h('dd', { 'data-testid': 'holder' }, holderText(d.currentStep)) : null,
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

function attachmentItem(user: User, a: Attachment): HTMLElement {
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
  return h('li', {}, button, ` (${Math.ceil(a.size / 1024)} KB)`, state);
}

export function componentsSection(components: Component[], componentNames: Map<string, Bilingual>, user: User): HTMLElement {
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
              c.attachments.length > 0 ? h('ul', { class: 'plain' }, ...c.attachments.map((a) => attachmentItem(user, a))) : null,
            ),
          ),
        ),
  );
}

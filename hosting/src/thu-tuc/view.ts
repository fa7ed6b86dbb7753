// The procedure as a citizen reads it before applying: what to bring, what it costs, how long it takes
// and what that means, where to go, the legal basis, and the way to apply online.
import type { Procedure } from '../../../functions/src/contract/index.js';
import { AGENCY_LEVEL_LABELS } from '../../../functions/src/contract/index.js';
import { ONLINE_LEVEL_LABELS } from '../../../functions/src/contract/index.js';
import { setBrandedTitle } from '../shared/branding.js';
import { byId, h } from '../shared/dom.js';
import { formatVnd } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { legalTimeMeaning, supplementMeaning } from '../shared/legal-time.js';
import { displayPhone, telHref } from '../shared/phone.js';
import type { AgencyPublic } from './api.js';
import { page } from './state.js';

const app = byId('app');

function countsText(c: Procedure['components'][number]): string {
  const parts: string[] = [];
  if (c.originals) parts.push(t({ vi: `${c.originals} bản chính`, en: `${c.originals} original${c.originals > 1 ? 's' : ''}` }));
  if (c.certifiedCopies) parts.push(t({ vi: `${c.certifiedCopies} bản sao chứng thực`, en: `${c.certifiedCopies} certified cop${c.certifiedCopies > 1 ? 'ies' : 'y'}` }));
  if (c.copies) parts.push(t({ vi: `${c.copies} bản sao`, en: `${c.copies} cop${c.copies > 1 ? 'ies' : 'y'}` }));
  return parts.join(', ');
}

function agencyCard(a: AgencyPublic): HTMLElement {
  const hours = a.workingHours?.periods.map((p) => `${p.start}–${p.end}`).join(', ');
  return h(
    'div',
    { class: 'agency', 'data-agency': a.id },
    h('h3', {}, t(a.name)),
    a.address ? h('p', {}, `${t({ vi: 'Địa chỉ', en: 'Address' })}: ${a.address}`) : null,
    a.phone ? h('p', {}, `${t({ vi: 'Điện thoại', en: 'Phone' })}: `, h('a', { href: telHref(a.phone) }, displayPhone(a.phone))) : null,
    hours ? h('p', {}, `${t({ vi: 'Giờ làm việc (thứ Hai – thứ Sáu)', en: 'Office hours (Monday – Friday)' })}: ${hours}`) : null,
  );
}

export function render(): void {
  const { detail, failure } = page;
  if (failure) {
    app.dataset.state = 'error';
    app.replaceChildren(
      h('h1', {}, failure.notFound ? t({ vi: 'Không tìm thấy thủ tục', en: 'Procedure not found' }) : t({ vi: 'Không tải được thủ tục', en: 'Could not load the procedure' })),
      h('p', {}, t(failure.message)),
    );
    return;
  }
  if (!detail) return;
  const { procedure: p, summary, receivingAgencies } = detail;
  setBrandedTitle(t(p.name));
  const levels = (summary.competentLevels ?? p.competentLevels).map((l) => (l in AGENCY_LEVEL_LABELS ? t(AGENCY_LEVEL_LABELS[l as keyof typeof AGENCY_LEVEL_LABELS]) : l));
  const canApply = receivingAgencies.length > 0;
  app.dataset.state = 'ok';
  app.replaceChildren(
    h(
      'article',
      { class: 'detail' },
      h('h1', { id: 'procedure-name' }, t(p.name)),
      h(
        'dl',
        {},
        h('dt', {}, t({ vi: 'Mã thủ tục', en: 'Procedure code' })),
        h('dd', {}, p.code),
        h('dt', {}, t({ vi: 'Lĩnh vực', en: 'Field' })),
        h('dd', {}, t(summary.fieldName)),
        h('dt', {}, t({ vi: 'Cấp thực hiện', en: 'Handled at' })),
        h('dd', {}, levels.join(', ')),
        h('dt', {}, t({ vi: 'Mức độ trực tuyến', en: 'Online service' })),
        h('dd', { 'data-testid': 'online-level' }, t(ONLINE_LEVEL_LABELS[p.onlineLevel])),
      ),
      canApply
        ? h('p', { class: 'cta' }, h('a', { class: 'button', id: 'apply-link', href: `/nop-ho-so/${encodeURIComponent(p.code)}` }, t({ vi: 'Nộp hồ sơ trực tuyến', en: 'Apply online' })))
        : null,
      h('h2', {}, t({ vi: 'Thành phần hồ sơ', en: 'Documents to provide' })),
      h(
        'ul',
        { class: 'components', id: 'components' },
        ...p.components.map((c) =>
          h(
            'li',
            { 'data-component': c.id },
            h('strong', {}, t(c.name)),
            c.mandatory ? null : ` (${t({ vi: 'nếu có', en: 'if applicable' })})`,
            h('span', { class: 'counts' }, countsText(c)),
            c.note ? h('span', { class: 'note' }, t(c.note)) : null,
          ),
        ),
      ),
      h('h2', {}, t({ vi: 'Phí, lệ phí', en: 'Fees' })),
      p.fees.length === 0
        ? h('p', { id: 'fees' }, t({ vi: 'Không mất phí, lệ phí.', en: 'No fee.' }))
        : h('ul', { id: 'fees' }, ...p.fees.map((f) => h('li', {}, `${t(f.description)}: `, h('strong', {}, formatVnd(f.amountVnd))))),
      h('h2', {}, t({ vi: 'Thời hạn giải quyết', en: 'Processing time' })),
      h('p', { class: 'lead', id: 'legal-time' }, t(summary.durationText)),
      h('div', { class: 'explain' }, ...legalTimeMeaning(p.legalDuration).map((m) => h('p', {}, t(m))), h('p', {}, t(supplementMeaning(p.supplementClockPolicy)))),
      h('p', {}, t({ vi: 'Thời hạn này do các văn bản ở mục Căn cứ pháp lý quy định.', en: 'This time limit is set by the documents listed under Legal basis.' })),
      h('h2', {}, t({ vi: 'Nơi nộp hồ sơ', en: 'Where to submit' })),
      receivingAgencies.length === 0
        ? h('p', {}, t({ vi: 'Chưa có cơ quan tiếp nhận thủ tục này trên hệ thống.', en: 'No agency receives this procedure on the platform yet.' }))
        : h('div', { id: 'agencies' }, ...receivingAgencies.map(agencyCard)),
      h('h2', {}, t({ vi: 'Căn cứ pháp lý', en: 'Legal basis' })),
      h('ul', { id: 'legal-basis' }, ...p.legalBasis.map((b) => h('li', {}, b))),
    ),
  );
}

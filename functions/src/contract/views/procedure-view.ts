// The procedure as a citizen reads it before applying (/thu-tuc/<code>): what to bring, what it costs,
// how long it takes and what that means, where to go, the legal basis, and the way to apply online.
// Drawn by the page (hosting/src/thu-tuc/view.ts) and printed by the server in the page it sends
// (features/catalog/procedure-page.ts), in the language `t` picks.
import type { Bilingual } from '../../domain/shared/bilingual.js';
import type { AgencyPublic, ProcedureDetail } from '../catalog.js';
import { AGENCY_LEVEL_LABELS, ONLINE_LEVEL_LABELS } from '../facts.js';
import { formatVnd } from '../format.js';
import { legalTimeMeaning, supplementMeaning } from './legal-time.js';
import { el, type Translate, type ViewNode } from './node.js';
import { displayPhone, telHref } from './phone-display.js';

function countsText(c: ProcedureDetail['procedure']['components'][number], t: Translate): string {
  const parts: string[] = [];
  if (c.originals)
    parts.push(
      t({ vi: `${c.originals} bản chính`, en: `${c.originals} original${c.originals > 1 ? 's' : ''}` }),
    );
  if (c.certifiedCopies)
    parts.push(
      t({
        vi: `${c.certifiedCopies} bản sao chứng thực`,
        en: `${c.certifiedCopies} certified cop${c.certifiedCopies > 1 ? 'ies' : 'y'}`,
      }),
    );
  if (c.copies)
    parts.push(t({ vi: `${c.copies} bản sao`, en: `${c.copies} cop${c.copies > 1 ? 'ies' : 'y'}` }));
  return parts.join(', ');
}

function agencyCard(a: AgencyPublic, t: Translate): ViewNode {
  const hours = a.workingHours?.periods.map((p) => `${p.start}–${p.end}`).join(', ');
  return el(
    'div',
    { class: 'agency', 'data-agency': a.id },
    el('h3', {}, t(a.name)),
    a.address ? el('p', {}, `${t({ vi: 'Địa chỉ', en: 'Address' })}: ${a.address}`) : null,
    a.phone
      ? el(
          'p',
          {},
          `${t({ vi: 'Điện thoại', en: 'Phone' })}: `,
          el('a', { href: telHref(a.phone) }, displayPhone(a.phone)),
        )
      : null,
    hours
      ? el(
          'p',
          {},
          `${t({ vi: 'Giờ làm việc (thứ Hai – thứ Sáu)', en: 'Office hours (Monday – Friday)' })}: ${hours}`,
        )
      : null,
  );
}

/** The page's article for `detail`. */
export function procedureView(detail: ProcedureDetail, t: Translate): ViewNode {
  const { procedure: p, summary, receivingAgencies } = detail;
  const levels = (summary.competentLevels ?? p.competentLevels).map((l) =>
    l in AGENCY_LEVEL_LABELS ? t(AGENCY_LEVEL_LABELS[l as keyof typeof AGENCY_LEVEL_LABELS]) : l,
  );
  const canApply = receivingAgencies.length > 0;
  return el(
    'article',
    { class: 'detail' },
    el('h1', { id: 'procedure-name' }, t(p.name)),
    el(
      'dl',
      {},
      el('dt', {}, t({ vi: 'Mã thủ tục', en: 'Procedure code' })),
      el('dd', {}, p.code),
      el('dt', {}, t({ vi: 'Lĩnh vực', en: 'Field' })),
      el('dd', {}, t(summary.fieldName)),
      el('dt', {}, t({ vi: 'Cấp thực hiện', en: 'Handled at' })),
      el('dd', {}, levels.join(', ')),
      el('dt', {}, t({ vi: 'Mức độ trực tuyến', en: 'Online service' })),
      el('dd', { 'data-testid': 'online-level' }, t(ONLINE_LEVEL_LABELS[p.onlineLevel])),
    ),
    canApply
      ? el(
          'p',
          { class: 'cta' },
          el(
            'a',
            { class: 'button', id: 'apply-link', href: `/nop-ho-so/${encodeURIComponent(p.code)}` },
            t({ vi: 'Nộp hồ sơ trực tuyến', en: 'Apply online' }),
          ),
        )
      : null,
    el('h2', {}, t({ vi: 'Thành phần hồ sơ', en: 'Documents to provide' })),
    el(
      'ul',
      { class: 'components', id: 'components' },
      ...p.components.map((c) =>
        el(
          'li',
          { 'data-component': c.id },
          el('strong', {}, t(c.name)),
          c.mandatory ? null : ` (${t({ vi: 'nếu có', en: 'if applicable' })})`,
          el('span', { class: 'counts' }, countsText(c, t)),
          c.note ? el('span', { class: 'note' }, t(c.note)) : null,
        ),
      ),
    ),
    el('h2', {}, t({ vi: 'Phí, lệ phí', en: 'Fees' })),
    p.fees.length === 0
      ? el('p', { id: 'fees' }, t({ vi: 'Không mất phí, lệ phí.', en: 'No fee.' }))
      : el(
          'ul',
          { id: 'fees' },
          ...p.fees.map((f) =>
            el('li', {}, `${t(f.description)}: `, el('strong', {}, formatVnd(f.amountVnd))),
          ),
        ),
    el('h2', {}, t({ vi: 'Thời hạn giải quyết', en: 'Processing time' })),
    el('p', { class: 'lead', id: 'legal-time' }, t(summary.durationText)),
    el(
      'div',
      { class: 'explain' },
      ...legalTimeMeaning(p.legalDuration).map((m) => el('p', {}, t(m))),
      el('p', {}, t(supplementMeaning(p.supplementClockPolicy))),
    ),
    el(
      'p',
      {},
      t({
        vi: 'Thời hạn này do các văn bản ở mục Căn cứ pháp lý quy định.',
        en: 'This time limit is set by the documents listed under Legal basis.',
      }),
    ),
    el('h2', {}, t({ vi: 'Nơi nộp hồ sơ', en: 'Where to submit' })),
    receivingAgencies.length === 0
      ? el(
          'p',
          {},
          t({
            vi: 'Chưa có cơ quan tiếp nhận thủ tục này trên hệ thống.',
            en: 'No agency receives this procedure on the platform yet.',
          }),
        )
      : el('div', { id: 'agencies' }, ...receivingAgencies.map((a) => agencyCard(a, t))),
    el('h2', {}, t({ vi: 'Căn cứ pháp lý', en: 'Legal basis' })),
    el('ul', { id: 'legal-basis' }, ...p.legalBasis.map((b) => el('li', {}, b))),
  );
}

/** The page's failure: the procedure does not exist, or could not be loaded. */
export function procedureFailureView(
  failure: { message: Bilingual; notFound: boolean },
  t: Translate,
): ViewNode[] {
  return [
    el(
      'h1',
      {},
      failure.notFound
        ? t({ vi: 'Không tìm thấy thủ tục', en: 'Procedure not found' })
        : t({ vi: 'Không tải được thủ tục', en: 'Could not load the procedure' }),
    ),
    el('p', {}, t(failure.message)),
  ];
}

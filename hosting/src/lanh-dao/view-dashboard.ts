// The dashboard section: controls (by month or week, one agency or all), the headline figures, two charts
// with their tables, the tables by agency, period, field and procedure, the Decision 766 scores with rank
// and what each sub-indicator lacks, the Circular 01 report of legacy dossiers, the feedback backlog and,
// for a lead, the agency's officers. Figures that stand for dossiers open the drill-down.
import { D766_SUB_INDICATOR_INFO, EVALUATION_CLASS_LABELS, type Bilingual } from '../../../functions/src/contract/index.js';
import { describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { lang, t } from '../shared/i18n.js';
import { call, type DashboardAnswer, type DashboardUnit, type DrillFigure } from './api.js';
import { percentText, rateBars, rateLine } from './chart.js';
import { session } from './state.js';
import { table } from './tables.js';
import { openDrill } from './view-drill.js';

const view: { answer?: DashboardAnswer; query: { view: 'month' | 'week'; agencyId?: string } } = { query: { view: 'month' } };
const pct = (r: number | null) => percentText(r, lang() === 'vi');
const nameOf = (u: { agencyId: string | null; name: Bilingual | null }) => (u.name ? t(u.name) : (u.agencyId ?? '—'));

/** A figure that opens its dossiers, where the reader may see them (a lead: their own agency). */
function figure(value: number, drill: { figure: DrillFigure; period?: string; agencyId?: string | null; field?: string; procedureCode?: string }): Node | number {
  const staff = session.staff;
  const allowed = staff && (staff.role !== 'lead' || (drill.agencyId !== undefined && drill.agencyId === staff.agencyId));
  if (!allowed || value === 0) return value;
  return h('button', { type: 'button', class: 'link', 'data-drill': `${drill.figure}:${drill.agencyId ?? 'province'}:${drill.period ?? 'now'}`, onclick: () => void openDrill({ ...drill, agencyId: drill.agencyId ?? undefined }) }, String(value));
}

export async function renderDashboard(target: HTMLElement): Promise<void> {
  const status = h('p', { id: 'dashboard-status', class: 'status', role: 'status' }, t({ vi: 'Đang tải số liệu…', en: 'Loading the figures…' }));
  target.replaceChildren(h('section', { 'aria-labelledby': 'dashboard-title' }, h('h2', { id: 'dashboard-title' }, t({ vi: 'Bảng điều hành', en: 'Dashboard' })), controls(target), status), h('div', { id: 'dashboard-body' }), h('section', { id: 'drill', 'aria-live': 'polite' }));
  try {
    view.answer = await call('getDashboard', { query: { view: view.query.view, ...(view.query.agencyId ? { agencyId: view.query.agencyId } : {}) } });
    status.textContent = t({ vi: `Số liệu ${view.answer.from} – ${view.answer.to}.`, en: `Figures ${view.answer.from} – ${view.answer.to}.` });
    target.querySelector('#dashboard-body')!.replaceWith(body(view.answer));
  } catch (err) {
    status.textContent = t(describeError(err));
  }
}

function controls(target: HTMLElement): HTMLElement {
  const by = h('select', { id: 'view-select', name: 'view' }, h('option', { value: 'month' }, t({ vi: 'Theo tháng', en: 'By month' })), h('option', { value: 'week' }, t({ vi: 'Theo tuần', en: 'By week' })));
  by.value = view.query.view;
  const agency = h('select', { id: 'agency-select', name: 'agency' }, h('option', { value: '' }, t({ vi: 'Tất cả cơ quan', en: 'All agencies' })), ...(view.answer?.agencies ?? []).map((a) => h('option', { value: a.agencyId ?? '' }, nameOf(a))));
  agency.value = view.query.agencyId ?? '';
  return h(
    'form',
    { id: 'dashboard-controls', class: 'controls', onsubmit: (e: Event) => {
      e.preventDefault();
      view.query = { view: by.value === 'week' ? 'week' : 'month', ...(agency.value ? { agencyId: agency.value } : {}) };
      void renderDashboard(target);
    } },
    h('label', { for: 'view-select' }, t({ vi: 'Kỳ', en: 'Periods' })),
    by,
    h('label', { for: 'agency-select' }, t({ vi: 'Cơ quan', en: 'Agency' })),
    agency,
    h('button', { type: 'submit' }, t({ vi: 'Xem', en: 'Show' })),
  );
}

function body(a: DashboardAnswer): HTMLElement {
  const q = { view: a.view, from: a.from, to: a.to, agencyId: view.query.agencyId };
  const last = a.to;
  const p = a.province;
  const vi = lang() === 'vi';
  const units = [...a.agencies, p];
  return h(
    'div',
    { id: 'dashboard-body' },
    h(
      'ul',
      { class: 'headline', id: 'headline' },
      h('li', {}, h('strong', {}, pct(p.total.onTimeRate)), ' ', t({ vi: 'hồ sơ đúng hạn', en: 'finished on time' })),
      h('li', {}, h('strong', {}, String(p.backlog.overdue)), ' ', t({ vi: 'hồ sơ quá hạn', en: 'overdue' })),
      h('li', {}, h('strong', {}, String(p.backlog.dueSoon)), ' ', t({ vi: 'sắp đến hạn', en: 'due soon' })),
      h('li', {}, h('strong', {}, String(p.backlog.feedbackOpen)), ' ', t({ vi: 'phản ánh đang xử lý', en: 'open feedback' }), ` (${p.backlog.feedbackOverdue} ${t({ vi: 'quá hạn', en: 'overdue' })})`),
    ),
    h('h3', {}, t({ vi: 'Tỷ lệ đúng hạn theo cơ quan', en: 'On-time rate by agency' })),
    rateBars(a.agencies.map((u) => ({ label: nameOf(u), rate: u.total.onTimeRate })), { title: t({ vi: 'Tỷ lệ hồ sơ kết thúc đúng hạn theo cơ quan', en: 'Share finished on time by agency' }), describedBy: 't-agencies', vi }),
    table('t-agencies', { vi: `Tiến độ theo cơ quan (${a.from} – ${a.to}); quá hạn và sắp đến hạn tính đến hiện tại`, en: `Progress by agency (${a.from} – ${a.to}); overdue and due soon as of now` },
      [{ vi: 'Cơ quan', en: 'Agency' }, { vi: 'Tiếp nhận', en: 'Received' }, { vi: 'Đúng hạn', en: 'On time' }, { vi: 'Trễ hạn', en: 'Late' }, { vi: 'Tỷ lệ đúng hạn', en: 'On-time rate' }, { vi: 'Quá hạn', en: 'Overdue' }, { vi: 'Sắp đến hạn', en: 'Due soon' }, { vi: 'Đang giải quyết', en: 'In progress' }],
      units.map((u) => [nameOf(u), figure(u.total.received, { figure: 'received', period: last, agencyId: u.agencyId }), figure(u.total.finishedOnTime, { figure: 'onTime', period: last, agencyId: u.agencyId }), figure(u.total.finishedLate, { figure: 'late', period: last, agencyId: u.agencyId }), pct(u.total.onTimeRate), figure(u.backlog.overdue, { figure: 'overdue', agencyId: u.agencyId }), figure(u.backlog.dueSoon, { figure: 'dueSoon', agencyId: u.agencyId }), u.backlog.inProgress]),
      { table: 'agencies', query: q }),
    h('p', { class: 'hint' }, t({ vi: `Bấm vào một con số để xem các hồ sơ (kỳ ${last}).`, en: `Select a figure to see its dossiers (period ${last}).` })),
    h('h3', {}, t({ vi: 'Xu hướng toàn tỉnh', en: 'Province trend' })),
    rateLine(p.periods.map((x) => ({ label: x.period, rate: x.onTimeRate })), { title: t({ vi: 'Tỷ lệ đúng hạn toàn tỉnh theo kỳ', en: 'Province on-time rate by period' }), describedBy: 't-trend', vi }),
    table('t-trend', { vi: 'Toàn tỉnh theo kỳ', en: 'Province by period' }, [{ vi: 'Kỳ', en: 'Period' }, { vi: 'Tiếp nhận', en: 'Received' }, { vi: 'Trực tuyến', en: 'Online' }, { vi: 'Đúng hạn', en: 'On time' }, { vi: 'Trễ hạn', en: 'Late' }, { vi: 'Tỷ lệ', en: 'Rate' }],
      p.periods.map((x) => [x.period, figure(x.received, { figure: 'received', period: x.period, agencyId: view.query.agencyId ?? null }), x.receivedOnline, figure(x.finishedOnTime, { figure: 'onTime', period: x.period, agencyId: view.query.agencyId ?? null }), figure(x.finishedLate, { figure: 'late', period: x.period, agencyId: view.query.agencyId ?? null }), pct(x.onTimeRate)])),
    breakdownTable('t-fields', 'fields', a, q),
    breakdownTable('t-procedures', 'procedures', a, q),
    d766Tables(a, units, q),
    table('t-legacy', { vi: 'Thông tư 01/2018 — hồ sơ theo Nghị định 61 (báo cáo kế thừa)', en: 'Circular 01/2018 — Decree 61 dossiers (legacy report)' },
      [{ vi: 'Cơ quan', en: 'Agency' }, ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => ({ vi: `CS ${i}`, en: `Index ${i}` })), { vi: 'Tổng', en: 'Total' }, { vi: 'Xếp loại', en: 'Class' }],
      units.map((u) => [nameOf(u), ...Object.values(u.legacy.indices).map((v) => (v === null ? '—' : String(v))), u.legacy.total ?? '—', u.legacy.classification ? t(EVALUATION_CLASS_LABELS[u.legacy.classification]) : t({ vi: 'chưa đủ dữ liệu', en: 'not enough data' })]),
      { table: 'legacy', query: q }),
    table('t-feedback', { vi: 'Phản ánh, kiến nghị', en: 'Feedback and petitions' }, [{ vi: 'Cơ quan', en: 'Agency' }, { vi: 'Tiếp nhận', en: 'Received' }, { vi: 'Đã trả lời', en: 'Answered' }, { vi: 'Đúng hạn', en: 'On time' }, { vi: 'Đang xử lý', en: 'Open' }, { vi: 'Quá hạn', en: 'Overdue' }, { vi: 'Chưa công khai', en: 'Unpublished' }],
      units.map((u) => [nameOf(u), u.feedback.received, u.feedback.answered, u.feedback.answeredOnTime, u.backlog.feedbackOpen, u.backlog.feedbackOverdue, u.backlog.feedbackUnpublished]),
      { table: 'feedback', query: q }),
    a.officers
      ? table('t-officers', { vi: `Cán bộ của cơ quan (tháng ${a.to}; chỉ lãnh đạo cơ quan xem)`, en: `Officers of the agency (${a.to}; leads only)` }, [{ vi: 'Cán bộ', en: 'Officer' }, { vi: 'Kết thúc', en: 'Finished' }, { vi: 'Đúng hạn', en: 'On time' }, { vi: 'Trễ hạn', en: 'Late' }, { vi: 'Được đánh giá', en: 'Rated' }, { vi: 'Không hài lòng', en: 'Dissatisfied' }, { vi: 'Phản ánh thái độ', en: 'Complaints' }],
          a.officers.map((o) => [o.name ?? o.uid, o.finished, o.finishedOnTime, o.finishedLate, o.rated, o.ratedNegative, o.complaints]), { table: 'officers', query: q })
      : null,
  );
}

function breakdownTable(id: string, kind: 'fields' | 'procedures', a: DashboardAnswer, q: Record<string, string | undefined>): HTMLElement {
  const rows = kind === 'fields' ? a.byField : a.byProcedure;
  const last = a.to;
  return table(id, kind === 'fields' ? { vi: 'Theo lĩnh vực', en: 'By field' } : { vi: 'Theo thủ tục', en: 'By procedure' },
    [kind === 'fields' ? { vi: 'Lĩnh vực', en: 'Field' } : { vi: 'Thủ tục', en: 'Procedure' }, { vi: 'Tiếp nhận', en: 'Received' }, { vi: 'Đúng hạn', en: 'On time' }, { vi: 'Trễ hạn', en: 'Late' }, { vi: 'Tỷ lệ', en: 'Rate' }, { vi: 'Quá hạn', en: 'Overdue' }, { vi: 'Sắp đến hạn', en: 'Due soon' }],
    rows.map((r) => {
      const key = kind === 'fields' ? { field: r.key } : { procedureCode: r.key };
      const agencyId = view.query.agencyId ?? null;
      return [r.label ? `${t(r.label)}${kind === 'procedures' ? ` (${r.key})` : ''}` : r.key, figure(r.received, { figure: 'received', period: last, agencyId, ...key }), figure(r.finishedOnTime, { figure: 'onTime', period: last, agencyId, ...key }), figure(r.finishedLate, { figure: 'late', period: last, agencyId, ...key }), percentText(r.onTimeRate, lang() === 'vi'), r.overdue, r.dueSoon];
    }),
    { table: kind, query: q });
}

function d766Tables(a: DashboardAnswer, units: DashboardUnit[], q: Record<string, string | undefined>): HTMLElement {
  const groups = a.province.d766.groups;
  const detail = a.province.d766.subIndicators;
  return h(
    'div',
    {},
    table('t-d766', { vi: `Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg), ${a.from} – ${a.to}`, en: `Service index (Decision 766/QĐ-TTg), ${a.from} – ${a.to}` },
      [{ vi: 'Cơ quan', en: 'Agency' }, { vi: 'Xếp hạng', en: 'Rank' }, { vi: 'Điểm', en: 'Points' }, { vi: 'Điểm có dữ liệu', en: 'Points with data' }, { vi: 'Tỷ lệ', en: 'Share' }, ...groups.map((g) => a.labels.d766Groups[g.group])],
      units.map((u) => [nameOf(u), u.agencyId === null ? '—' : (u.d766.rank ?? '—'), u.d766.points, u.d766.availablePoints, pct(u.d766.percent), ...u.d766.groups.map((g) => (g.availablePoints === 0 ? t({ vi: 'không có dữ liệu', en: 'no data' }) : `${g.points}/${g.maxPoints}`))]),
      { table: 'd766', query: q }),
    table('t-d766-detail', { vi: 'Chỉ số thành phần toàn tỉnh: công thức, chỉ tiêu, điểm', en: 'Province sub-indicators: formula, target, points' },
      [{ vi: 'Chỉ số', en: 'Sub-indicator' }, { vi: 'Công thức', en: 'Formula' }, { vi: 'Chỉ tiêu', en: 'Target' }, { vi: 'Kết quả', en: 'Result' }, { vi: 'Điểm', en: 'Points' }],
      detail.map((s) => [`${s.id} ${t(D766_SUB_INDICATOR_INFO[s.id].label)}`, t(D766_SUB_INDICATOR_INFO[s.id].formula), pct(s.target), s.kind === 'scored' ? `${pct(s.rate)} (${s.numerator}/${s.denominator})` : `${t({ vi: 'Không có dữ liệu', en: 'No data' })}: ${t(s.reason)}`, s.kind === 'scored' ? `${s.points}/${s.maxPoints}` : `—/${s.maxPoints}`])),
  );
}

// GET /api/agencies/:agencyId/register?from=YYYY-MM-DD&to=YYYY-MM-DD — form 06, the register of
// dossiers received by one agency in a period, rendered on demand for its officers and admins. Not for
// monitors: the register names every applicant, and monitors see figures, never people (issue 12,
// finding 7); their figures are in stats/ and the transparency page.
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { AgencyId, applicantDisplayName, bi, findForm, findRuleSetOn, STATUS_INFO, formSetOf, type FormNumber, LocalDate, localDateOf, type Applicant } from '../../domain/index.js';
import { dayNumberOfDate, DAY_MS, VIETNAM_OFFSET_MS } from '../../domain/time/local-time.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import type { Caller } from '../../platform/auth.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { DOSSIERS, handoffRef, personalRef } from '../../store/dossiers.js';
import { revive } from '../../store/revive.js';
import { renderRegister } from './render-register.js';
import type { RegisterRow } from './slip-data.js';
import { agencyOf } from './slip-sources.js';

/** The register's number and title in the form set of the rule set in force today (07 under Circular 03). */
function registerForm(now: Date): { form: FormNumber; title: string } {
  const set = formSetOf(findRuleSetOn(localDateOf(now)) ?? 'nd118-2025');
  return { form: set.register, title: findForm(set, set.register)?.title ?? 'SỔ THEO DÕI HỒ SƠ' };
}

export type RegisterDeps = { db: Firestore; now: () => Date; caller: (req: ApiRequest) => Promise<Caller> };

/** A year is what the law keeps in one register book; more at once is refused. */
export const MAX_REGISTER_DAYS = 366;
/** Rows of one printout; a busier period is asked for in parts. */
export const MAX_REGISTER_ROWS = 2000;

export const RegisterRequest = z.strictObject({
  params: z.strictObject({ agencyId: AgencyId }),
  query: z
    .strictObject({
      from: LocalDate.describe('Từ ngày (giờ Việt Nam) / from (Vietnam date)'),
      to: LocalDate.describe('Đến ngày, tính cả ngày này / to, inclusive'),
    })
    .refine((q) => q.from <= q.to, { path: ['to'], error: bi('Đến ngày phải sau từ ngày', '`to` must not be before `from`') })
    .refine((q) => dayNumberOfDate(q.to) - dayNumberOfDate(q.from) < MAX_REGISTER_DAYS, {
      path: ['to'],
      error: bi('Tối đa 366 ngày một lần', 'at most 366 days at a time'),
    }),
});
export type RegisterRequest = z.infer<typeof RegisterRequest>;

const OFFICER_ROLES = new Set<Caller['role']>(['receptionist', 'handler', 'lead']);

function forbidden(): ApiError {
  return new ApiError('permission-denied', {
    vi: 'Chỉ cán bộ của cơ quan và người quản trị được xem sổ theo dõi (sổ có tên người nộp hồ sơ).',
    en: 'Only the agency’s officers and admins may see its register (it names the applicants).',
  });
}

/** Start of a Vietnam local day as an instant. */
const startOf = (date: string) => new Date(dayNumberOfDate(date) * DAY_MS - VIETNAM_OFFSET_MS);

export async function getRegister(req: ApiRequest, deps: RegisterDeps): Promise<Reply<'getRegister'>> {
  const caller = await deps.caller(req);
  const parsed = RegisterRequest.safeParse({ params: req.params, query: req.query });
  if (!parsed.success) throw invalidInput(parsed.error);
  const { params, query } = parsed.data;
  const allowed = caller.role === 'admin' || (OFFICER_ROLES.has(caller.role) && caller.agencyId === params.agencyId);
  if (!allowed) throw forbidden();

  // Composite index receivingAgencyId ASC, receivedAt ASC (firestore.indexes.json).
  const snap = await deps.db
    .collection(DOSSIERS)
    .where('receivingAgencyId', '==', params.agencyId)
    .where('receivedAt', '>=', startOf(query.from))
    .where('receivedAt', '<', new Date(startOf(query.to).getTime() + DAY_MS))
    .orderBy('receivedAt')
    .limit(MAX_REGISTER_ROWS + 1)
    .get();
  if (snap.size > MAX_REGISTER_ROWS) {
    throw new ApiError('invalid-argument', {
      vi: `Kỳ này có hơn ${MAX_REGISTER_ROWS} hồ sơ; vui lòng chọn khoảng ngày ngắn hơn.`,
      en: `More than ${MAX_REGISTER_ROWS} dossiers in this period; please choose a shorter one.`,
    });
  }
  const docs = snap.docs;
  const extra = docs.length === 0 ? [] : await deps.db.getAll(...docs.flatMap((d) => [personalRef(deps.db, d.id), handoffRef(deps.db, d.id, 1)]));
  const rows: RegisterRow[] = docs.map((doc, i) => {
    const d = revive(doc.data()) as {
      code: string;
      status: keyof typeof STATUS_INFO;
      procedure: { name: { vi: string } };
      receivedAt: Date;
      dueAt?: Date;
      resolution?: { at: Date };
      resultReturnedAt?: Date;
    };
    const applicant = extra[2 * i]?.get('applicant') as Applicant | undefined;
    const firstHandoff = extra[2 * i + 1]?.exists ? (revive(extra[2 * i + 1]!.get('handedOverAt')) as Date) : undefined;
    return {
      code: d.code,
      procedure: d.procedure.name.vi,
      applicant: applicant ? applicantDisplayName(applicant) : '',
      receivedAt: d.receivedAt,
      ...(firstHandoff ? { transferredAt: firstHandoff } : {}),
      ...(d.dueAt ? { dueAt: d.dueAt } : {}),
      ...(d.resolution ? { resultReceivedAt: d.resolution.at } : {}),
      ...(d.resultReturnedAt ? { returnedAt: d.resultReturnedAt } : {}),
      note: STATUS_INFO[d.status]?.label.vi ?? d.status,
    };
  });
  const pdf = await renderRegister({ ...registerForm(deps.now()), agency: await agencyOf(deps.db, params.agencyId), from: query.from, to: query.to, issuedAt: deps.now(), rows });
  return {
    status: 200,
    body: null,
    raw: { bytes: pdf, contentType: 'application/pdf' },
    headers: {
      'Content-Disposition': `inline; filename="so-theo-doi-${query.from}-${query.to}.pdf"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  };
}

// The province's agencies as an administrator keeps them (`agencies/{id}`): the hierarchy (People's
// Committees, the province centre, departments, commune centres, reception points, vertical-agency
// branches), the national identifier (the document id, Circular 10/2016), contact, working hours and the
// staff list published at the desk. An agency that ceased (merger) is history and is not edited; its
// end and successor are set by a merger only (merge-agency.handler.ts).
import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import {
  Agency,
  AgencyId,
  AgencyKind,
  AgencyLevel,
  bi,
  checkPlacement,
  LocalDate,
  OfficerDirectoryEntry,
  toFieldErrors,
  VietnamesePhone,
  WorkingHours,
  type FieldError,
} from '../../domain/index.js';
import { daySchedule } from '../../domain/time/working-hours.js';
import { InvalidWorkingHoursError } from '../../domain/time/errors.js';
import type { AdminAgency, MergerState, SaveAgencyBody } from '../../contract/index.js';
import { ApiError } from '../../platform/api-error.js';
import { requireRole, type Caller } from '../../platform/auth.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { parseInput } from '../../platform/parse.js';
import { RequestId } from '../../platform/request-id.js';
import { checkUpdateTime, runAdminWrite, updateTimeOf } from '../../store/admin-write.js';
import { AGENCIES } from '../../store/agencies.js';
import { bumpStamps } from '../../store/reference-stamps.js';
import { revive } from '../../store/revive.js';

export const AGENCY_MERGERS = 'agencyMergers';

const Text = (max: number) => z.string().trim().normalize('NFC').min(1, bi('Không được để trống', 'must not be blank')).max(max, bi(`Tối đa ${max} ký tự`, `at most ${max} characters`));

export const SaveAgencyRequest = z.strictObject({
  requestId: RequestId,
  expectedUpdateTime: z.string().max(40).nullable(),
  name: z.strictObject({ vi: Text(200), en: Text(200) }).describe('Tên cơ quan / agency name'),
  level: AgencyLevel,
  kind: AgencyKind,
  parentId: AgencyId.optional(),
  effectiveFrom: LocalDate,
  hasOneStopDesk: z.boolean(),
  address: Text(255).optional(),
  phone: VietnamesePhone.optional(),
  email: z.email(bi('Email không hợp lệ', 'invalid email')).max(254).optional(),
  workingHours: WorkingHours,
  officers: z.array(OfficerDirectoryEntry).max(200).describe('Danh sách công chức công khai / published staff list'),
});
type _SaveAgencyAgrees = Agrees<SameShape<z.input<typeof SaveAgencyRequest>, SaveAgencyBody>>;

export type AdminAgencyDeps = { db: Firestore; now: () => Date; caller: (req: ApiRequest) => Promise<Caller> };

/** Every stored agency by id (a province has a few hundred). */
export function agencyMap(docs: readonly DocumentSnapshot[]): Map<string, Agency> {
  return new Map(docs.filter((d) => d.exists).map((d) => [d.id, { ...(revive(d.data()) as Agency), id: d.id }]));
}

export function toAdminAgency(agency: Agency, updateTime: string | null, merger?: MergerState): AdminAgency {
  const { id, name, level, kind, parentId, effectiveFrom, effectiveTo, successorId, hasOneStopDesk, address, phone, email, workingHours, officers } = agency;
  return {
    id,
    name,
    level,
    ...(kind ? { kind } : {}),
    ...(parentId ? { parentId } : {}),
    effectiveFrom,
    ...(effectiveTo ? { effectiveTo } : {}),
    ...(successorId ? { successorId } : {}),
    hasOneStopDesk,
    ...(address ? { address } : {}),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    workingHours: workingHours ?? { periods: [] },
    officers: (officers ?? []).map(({ fullName, title, field, phone: p }) => ({ fullName, title, field, phone: p })),
    ...(merger ? { merger } : {}),
    updateTime: updateTime ?? '',
  };
}

export function mergerStateOf(snap: DocumentSnapshot): MergerState | undefined {
  if (!snap.exists) return undefined;
  const m = revive(snap.data()) as MergerState & { at: Date };
  return { successorId: m.successorId, effectiveOn: m.effectiveOn, basis: m.basis, orderedBy: m.orderedBy, at: new Date(m.at).toISOString(), moved: m.moved, remaining: m.remaining, done: m.done };
}

/** GET /api/admin/agencies — every agency, ceased ones included, with mergers in progress. */
export async function adminListAgencies(req: ApiRequest, deps: AdminAgencyDeps): Promise<Reply<'adminListAgencies'>> {
  requireRole(await deps.caller(req), ['admin']);
  const [agencies, mergers] = await Promise.all([deps.db.collection(AGENCIES).get(), deps.db.collection(AGENCY_MERGERS).get()]);
  const mergerOf = new Map(mergers.docs.map((d) => [d.id, mergerStateOf(d)]));
  const byId = agencyMap(agencies.docs);
  const updated = new Map(agencies.docs.map((d) => [d.id, updateTimeOf(d)]));
  const list = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)).map((a) => toAdminAgency(a, updated.get(a.id) ?? null, mergerOf.get(a.id)));
  return { status: 200, headers: { 'Cache-Control': 'private, no-store' }, body: { agencies: list } };
}

function invalid(problems: readonly FieldError[]): ApiError {
  return new ApiError('invalid-argument', { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The submitted data is invalid.' }, problems);
}

/** The agency id of the path, or 404. */
export function agencyIdParam(req: ApiRequest): string {
  const id = AgencyId.safeParse(req.params.agencyId);
  if (!id.success) {
    throw new ApiError('not-found', { vi: 'Mã định danh cơ quan không hợp lệ.', en: 'Invalid agency identifier.' }, [
      { path: 'agencyId', message: { vi: 'Mã định danh có dạng 000.00.00.H56', en: 'the identifier looks like 000.00.00.H56' } },
    ]);
  }
  return id.data;
}

/**
 * PUT /api/admin/agencies/:agencyId — creates an agency (`expectedUpdateTime: null`) or corrects one.
 * @idempotent by (admin uid, requestId); a stale `expectedUpdateTime` is refused.
 */
export async function saveAgency(req: ApiRequest, deps: AdminAgencyDeps): Promise<Reply<'saveAgency'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['admin']);
  const id = agencyIdParam(req);
  const input = parseInput(SaveAgencyRequest, req.body);
  const { requestId, expectedUpdateTime, ...fields } = input;
  try {
    daySchedule(fields.workingHours);
  } catch (err) {
    if (err instanceof InvalidWorkingHoursError) throw invalid([{ path: 'workingHours.periods', message: err.messages }]);
    throw err;
  }
  const ref = deps.db.collection(AGENCIES).doc(id);
  const reply = await runAdminWrite(
    deps.db,
    { caller, requestId, fingerprintOf: { id, ...fields, expectedUpdateTime }, action: 'agency.save', target: { kind: 'agency', id }, now: deps.now() },
    async (tx) => {
      const [snap, all] = await Promise.all([tx.get(ref), tx.get(deps.db.collection(AGENCIES))]);
      checkUpdateTime(snap, expectedUpdateTime);
      const before = snap.exists ? ({ ...(revive(snap.data()) as Agency), id } as Agency) : undefined;
      if (before?.effectiveTo !== undefined) {
        throw new ApiError('conflict', {
          vi: `Cơ quan đã ngừng hoạt động sau ngày ${before.effectiveTo}; thông tin được giữ nguyên làm lịch sử.`,
          en: `The agency ceased after ${before.effectiveTo}; its record is kept unchanged as history.`,
        }, [], { reason: 'agencyCeased' });
      }
      const parsed = Agency.safeParse({ id, ...fields });
      if (!parsed.success) throw invalid(toFieldErrors(parsed.error));
      const agency = parsed.data;
      const byId = agencyMap(all.docs);
      byId.set(id, agency);
      const problems = checkPlacement(agency, byId);
      if (problems.length > 0) throw invalid(problems);
      tx.set(ref, agency);
      bumpStamps(deps.db, tx, 'agencies');
      return {
        status: before ? 200 : 201,
        answer: { agency: toAdminAgency(agency, null), created: !before },
        audit: {
          summary: before
            ? { vi: `Cập nhật cơ quan ${agency.name.vi} (${id})`, en: `Agency updated: ${agency.name.en} (${id})` }
            : { vi: `Thêm cơ quan ${agency.name.vi} (${id})`, en: `Agency added: ${agency.name.en} (${id})` },
          before: before ?? null,
          after: agency,
        },
      };
    },
  );
  const fresh = await ref.get();
  return { status: reply.status, body: { ...reply.body, agency: toAdminAgency({ ...(revive(fresh.data()) as Agency), id }, updateTimeOf(fresh)) } };
}

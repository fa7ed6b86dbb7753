// Procedures as an administrator keeps them: a change is a new version, never an edit of one that dossiers
// pinned (a dossier keeps the version and rule set it was received under to the end). The new version is
// in force from its date (today or earlier: nothing switches versions later by itself), becomes the one
// the catalogue shows and new dossiers pin at once (the procedures' stamp, store/reference-stamps.ts);
// every version stays under `procedures/{code}/versions/{n}`.
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { localDateOf, Procedure, ProcedureCode, toFieldErrors, type FieldError } from '../../domain/index.js';
import type { ProcedureVersionBody, ProcedureVersionInfo } from '../../contract/index.js';
import { ApiError } from '../../platform/api-error.js';
import { requireRole, type Caller } from '../../platform/auth.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { parseInput } from '../../platform/parse.js';
import { RequestId } from '../../platform/request-id.js';
import { runAdminWrite } from '../../store/admin-write.js';
import { AGENCIES } from '../../store/agencies.js';
import { DOSSIERS } from '../../store/dossiers.js';
import { bumpStamps } from '../../store/reference-stamps.js';
import { revive } from '../../store/revive.js';
import { PROCEDURES } from './list-procedures.handler.js';

const { code: _code, version: _version, ...versionShape } = Procedure.shape;

export const ProcedureVersionRequest = z.strictObject({
  requestId: RequestId,
  basedOnVersion: z.number().int().min(1).nullable().describe('Phiên bản đang áp dụng khi soạn / the version in force it was written from'),
  ...versionShape,
});
type _VersionAgrees = Agrees<SameShape<z.input<typeof ProcedureVersionRequest>, ProcedureVersionBody>>;

export type ProcedureAdminDeps = { db: Firestore; now: () => Date; caller: (req: ApiRequest) => Promise<Caller> };

function codeParam(req: ApiRequest): string {
  const code = ProcedureCode.safeParse(req.params.code);
  if (!code.success) throw new ApiError('not-found', { vi: 'Mã thủ tục có dạng 1.004227.', en: 'A procedure code looks like 1.004227.' });
  return code.data;
}

const invalid = (problems: readonly FieldError[]) =>
  new ApiError('invalid-argument', { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The submitted data is invalid.' }, problems);

/** GET /api/admin/procedures/:code — the version in force and every version with the dossiers pinned to it. */
export async function adminGetProcedure(req: ApiRequest, deps: ProcedureAdminDeps): Promise<Reply<'adminGetProcedure'>> {
  requireRole(await deps.caller(req), ['admin']);
  const code = codeParam(req);
  const [current, versions] = await Promise.all([deps.db.collection(PROCEDURES).doc(code).get(), deps.db.collection(PROCEDURES).doc(code).collection('versions').get()]);
  const infos: ProcedureVersionInfo[] = await Promise.all(
    versions.docs.map(async (doc) => {
      const p = doc.data() as Procedure;
      const pinned = await deps.db.collection(DOSSIERS).where('procedure.code', '==', code).where('procedure.version', '==', p.version).count().get();
      return { version: p.version, effectiveFrom: p.effectiveFrom, ...(p.effectiveTo ? { effectiveTo: p.effectiveTo } : {}), pinnedBy: pinned.data().count };
    }),
  );
  infos.sort((a, b) => a.version - b.version);
  return { status: 200, headers: { 'Cache-Control': 'private, no-store' }, body: { procedure: current.exists ? (revive(current.data()) as Procedure) : null, versions: infos } };
}

/**
 * POST /api/admin/procedures/:code/versions — the next version (version 1 creates the procedure).
 * @idempotent by (admin uid, requestId); a version written from another than the one in force is refused.
 */
export async function createProcedureVersion(req: ApiRequest, deps: ProcedureAdminDeps): Promise<Reply<'createProcedureVersion'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['admin']);
  const code = codeParam(req);
  const input = parseInput(ProcedureVersionRequest, req.body);
  const { requestId, basedOnVersion, ...fields } = input;
  const now = deps.now();
  const today = localDateOf(now);
  const ref = deps.db.collection(PROCEDURES).doc(code);
  return runAdminWrite(
    deps.db,
    { caller, requestId, fingerprintOf: { code, ...input, requestId: undefined }, action: 'procedure.version', target: { kind: 'procedure', id: code }, now },
    async (tx) => {
      const [currentSnap, agencies] = await Promise.all([tx.get(ref), tx.get(deps.db.collection(AGENCIES))]);
      const current = currentSnap.exists ? (revive(currentSnap.data()) as Procedure) : undefined;
      if ((current?.version ?? null) !== basedOnVersion) {
        throw new ApiError(
          'conflict',
          current
            ? { vi: `Thủ tục đang áp dụng phiên bản ${current.version}: tải lại rồi soạn phiên bản mới từ đó.`, en: `Version ${current.version} is in force: reload and write the new version from it.` }
            : { vi: 'Thủ tục này chưa có: tạo phiên bản đầu tiên.', en: 'This procedure does not exist yet: create its first version.' },
          [],
          { reason: 'staleDocument' },
        );
      }
      const version = (current?.version ?? 0) + 1;
      const parsed = Procedure.safeParse({ ...fields, code, version });
      if (!parsed.success) throw invalid(toFieldErrors(parsed.error));
      const procedure = parsed.data;
      const problems: FieldError[] = [];
      const known = new Set(agencies.docs.map((d) => d.id));
      if (procedure.competentAgencyId && !known.has(procedure.competentAgencyId)) {
        problems.push({ path: 'competentAgencyId', message: { vi: 'Không có cơ quan này', en: 'no such agency' } });
      }
      procedure.steps.forEach((step, i) => {
        if (step.performer.kind === 'agency' && !known.has(step.performer.agencyId)) {
          problems.push({ path: `steps.${i}.performer.agencyId`, message: { vi: 'Không có cơ quan này', en: 'no such agency' } });
        }
      });
      if (procedure.effectiveFrom > today) {
        problems.push({ path: 'effectiveFrom', message: { vi: 'Tạo phiên bản mới vào ngày nó có hiệu lực (không đặt ngày trong tương lai)', en: 'create a new version on the day it takes effect (not a future date)' } });
      }
      if (current && procedure.effectiveFrom < current.effectiveFrom) {
        problems.push({ path: 'effectiveFrom', message: { vi: `Không sớm hơn ngày áp dụng của phiên bản ${current.version} (${current.effectiveFrom})`, en: `not earlier than version ${current.version} (${current.effectiveFrom})` } });
      }
      if (problems.length > 0) throw invalid(problems);
      // Versions are immutable: `create` refuses to overwrite one, whatever happened meanwhile.
      tx.create(ref.collection('versions').doc(String(version)), procedure);
      tx.set(ref, procedure);
      bumpStamps(deps.db, tx, 'procedures');
      return {
        status: 201,
        answer: { procedure, created: current === undefined },
        audit: {
          summary: current
            ? { vi: `Thủ tục ${code}: phiên bản ${version} thay phiên bản ${current.version}, áp dụng từ ${procedure.effectiveFrom}`, en: `Procedure ${code}: version ${version} follows version ${current.version}, in force from ${procedure.effectiveFrom}` }
            : { vi: `Thêm thủ tục ${code} (${procedure.name.vi})`, en: `Procedure ${code} added (${procedure.name.en})` },
          before: current ? { version: current.version } : null,
          after: procedure,
        },
      };
    },
  );
}

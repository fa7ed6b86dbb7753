// Branding: the province's name, the place printed on slips, the hotline, the public address and a logo,
// stored once (`settings/branding`) and used by every page, slip and notification instead of text written
// into them. GET /api/branding and /api/branding/logo are public (the pages name the province before
// anyone signs in); PUT /api/admin/branding is an administrator's.
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { bi } from '../../domain/index.js';
import type { BrandingView, SaveBrandingBody } from '../../contract/index.js';
import { ApiError } from '../../platform/api-error.js';
import { requireRole, type Caller } from '../../platform/auth.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { parseInput } from '../../platform/parse.js';
import { RequestId } from '../../platform/request-id.js';
import { checkUpdateTime, runAdminWrite } from '../../store/admin-write.js';
import { BRANDING, readBranding, type StoredBranding } from '../../store/branding.js';
import { bumpStamps } from '../../store/reference-stamps.js';

/** A logo is a small image shown in page headers: 100 KB is plenty and keeps the document small. */
export const MAX_LOGO_BYTES = 100 * 1024;

const Name = (max: number) => z.string().trim().normalize('NFC').min(1, bi('Không được để trống', 'must not be blank')).max(max, bi(`Tối đa ${max} ký tự`, `at most ${max} characters`));

export const SaveBrandingRequest = z.strictObject({
  requestId: RequestId,
  expectedUpdateTime: z.string().max(40).nullable(),
  provinceName: z.strictObject({ vi: Name(100), en: Name(100) }).describe('Tên tỉnh, thành phố / province name'),
  placeName: Name(60).describe('Địa danh ghi trên phiếu / place printed on slips'),
  hotline: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 .()-]{2,19}$/, bi('Số đường dây nóng chỉ gồm chữ số (3–20 ký tự)', 'the hotline is 3–20 digits'))
    .optional()
    .describe('Đường dây nóng / hotline'),
  publicOrigin: z.string().trim().max(200).optional().describe('Địa chỉ công khai / public origin'),
  logo: z
    .strictObject({
      contentType: z.enum(['image/png', 'image/jpeg']),
      base64: z.base64(bi('Ảnh phải mã hoá base64', 'the image must be base64')).max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 4, bi('Logo tối đa 100 KB', 'the logo is at most 100 KB')),
    })
    .nullable()
    .optional(),
});
type _SaveBrandingAgrees = Agrees<SameShape<z.input<typeof SaveBrandingRequest>, SaveBrandingBody>>;

export type BrandingDeps = {
  db: Firestore;
  now: () => Date;
  caller: (req: ApiRequest) => Promise<Caller>;
  /** Why a value cannot be the public origin (config.ts `publicOriginProblem`), or undefined. */
  originProblem: (value: string) => string | undefined;
};

const SIGNATURES = { 'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/jpeg': [0xff, 0xd8, 0xff] } as const;

function field(path: string, vi: string, en: string): ApiError {
  return new ApiError('invalid-argument', { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The submitted data is invalid.' }, [{ path, message: { vi, en } }]);
}

export function brandingView(value: StoredBranding | undefined, updateTime: string | null): BrandingView {
  return {
    configured: value !== undefined,
    provinceName: value ? { vi: value.provinceName.vi, en: value.provinceName.en } : null,
    placeName: value?.placeName ?? null,
    hotline: value?.hotline ?? null,
    publicOrigin: value?.publicOrigin ?? null,
    logoUrl: value?.logo ? `/api/branding/logo?v=${value.logo.version}` : null,
    updateTime,
  };
}

/**
 * GET /api/branding — public. Browsers ask again on every page (each keeps its last copy to paint at once,
 * shared/branding.ts); the CDN keeps it a minute, so a change reaches every page within that minute.
 */
export async function getBranding(deps: Pick<BrandingDeps, 'db'>): Promise<Reply<'getBranding'>> {
  const { value, updateTime } = await readBranding(deps.db);
  return { status: 200, headers: { 'Cache-Control': 'public, max-age=0, s-maxage=60' }, body: brandingView(value, updateTime) };
}

/** GET /api/branding/logo — the image itself (its URL carries the version, so it may be kept long). */
export async function getBrandingLogo(deps: Pick<BrandingDeps, 'db'>): Promise<Reply<'getBrandingLogo'>> {
  const logo = (await readBranding(deps.db)).value?.logo;
  if (!logo) throw new ApiError('not-found', { vi: 'Chưa có logo.', en: 'No logo has been set.' });
  return {
    status: 200,
    headers: { 'Cache-Control': 'public, max-age=86400', 'X-Content-Type-Options': 'nosniff' },
    body: null,
    raw: { bytes: Buffer.from(logo.bytes), contentType: logo.contentType },
  };
}

/**
 * PUT /api/admin/branding.
 * @idempotent by (admin uid, requestId) through the audit record; a stale `expectedUpdateTime` is refused.
 */
export async function saveBranding(req: ApiRequest, deps: BrandingDeps): Promise<Reply<'saveBranding'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['admin']);
  const input = parseInput(SaveBrandingRequest, req.body);
  if (input.publicOrigin !== undefined && input.publicOrigin !== '') {
    const problem = deps.originProblem(input.publicOrigin);
    if (problem) throw field('publicOrigin', `Địa chỉ công khai phải là một địa chỉ https (không có đường dẫn), ví dụ https://dichvucong.binhan.gov.vn: ${problem}`, `The public origin must be an https origin without a path, e.g. https://dichvucong.binhan.gov.vn: ${problem}`);
  }
  let logoBytes: Buffer | undefined;
  if (input.logo) {
    logoBytes = Buffer.from(input.logo.base64, 'base64');
    const magic = SIGNATURES[input.logo.contentType];
    if (logoBytes.length > MAX_LOGO_BYTES) throw field('logo', 'Logo tối đa 100 KB', 'the logo is at most 100 KB');
    if (logoBytes.length < magic.length || !magic.every((b, i) => logoBytes![i] === b)) {
      throw field('logo', 'Tệp không phải ảnh PNG hoặc JPEG như đã khai', 'the file is not the PNG or JPEG image it claims to be');
    }
  }
  const { requestId, ...fingerprintFields } = input;
  const now = deps.now();
  const ref = deps.db.doc(BRANDING);
  const reply = await runAdminWrite(
    deps.db,
    // The record keeps only the fingerprint (a hash), so the logo's bytes may enter it whole.
    { caller, requestId, fingerprintOf: { ...fingerprintFields, logo: input.logo === undefined ? 'keep' : input.logo }, action: 'branding.save', target: { kind: 'branding', id: 'branding' }, now },
    async (tx) => {
      const snap = await tx.get(ref);
      checkUpdateTime(snap, input.expectedUpdateTime);
      const before = snap.data() as StoredBranding | undefined;
      const logo =
        input.logo === null ? undefined : logoBytes ? { contentType: input.logo!.contentType, bytes: logoBytes, version: (before?.logo?.version ?? 0) + 1 } : before?.logo;
      const next: StoredBranding = {
        provinceName: input.provinceName,
        placeName: input.placeName,
        ...(input.hotline ? { hotline: input.hotline } : {}),
        ...(input.publicOrigin ? { publicOrigin: input.publicOrigin.replace(/\/$/, '') } : {}),
        ...(logo ? { logo } : {}),
      };
      tx.set(ref, next);
      bumpStamps(deps.db, tx, 'branding');
      const withoutBytes = (b: StoredBranding | undefined) => b && { ...b, logo: b.logo ? { contentType: b.logo.contentType, version: b.logo.version, size: b.logo.bytes.length } : null };
      return {
        answer: { branding: brandingView(next, null) },
        audit: {
          summary: { vi: `Cập nhật nhận diện: ${input.provinceName.vi}`, en: `Branding updated: ${input.provinceName.en}` },
          before: withoutBytes(before) ?? null,
          after: withoutBytes(next),
        },
      };
    },
  );
  // A write's update time is known only once committed: answer with the document as stored now, whose
  // update time the console sends with its next save.
  const { value, updateTime } = await readBranding(deps.db);
  return { status: reply.status, body: { ...reply.body, branding: brandingView(value, updateTime) } };
}

// The facts of a rule set an administrator may correct (domain/rule-set/settings.ts): the dossier code's
// widths and the national portal's identifier in codes of online dossiers. Stored in
// `ruleSetSettings/{ruleSet}` and used at once by the next dossier code (the settings' stamp).
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { RULE_SETS, RuleSet, RuleSetSettings } from '../../domain/index.js';
import type { RuleSetSettingsView, SaveRuleSetSettingsBody } from '../../contract/index.js';
import { ApiError } from '../../platform/api-error.js';
import { requireRole, type Caller } from '../../platform/auth.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { parseInput } from '../../platform/parse.js';
import { RequestId } from '../../platform/request-id.js';
import { checkUpdateTime, runAdminWrite, updateTimeOf } from '../../store/admin-write.js';
import { RULE_SET_SETTINGS } from '../../store/reference-data.js';
import { bumpStamps } from '../../store/reference-stamps.js';

export const SaveRuleSetSettingsRequest = z.strictObject({
  requestId: RequestId,
  expectedUpdateTime: z.string().max(40).nullable(),
  ...RuleSetSettings.shape,
});
type _SaveSettingsAgrees = Agrees<SameShape<z.input<typeof SaveRuleSetSettingsRequest>, SaveRuleSetSettingsBody>>;

export type RuleSetSettingsDeps = { db: Firestore; now: () => Date; caller: (req: ApiRequest) => Promise<Caller> };

function viewOf(ruleSet: RuleSet, data: unknown, updateTime: string | null): RuleSetSettingsView {
  const parsed = data === undefined ? undefined : RuleSetSettings.safeParse(data);
  return { ruleSet, label: RULE_SETS[ruleSet].label, settings: parsed?.success ? parsed.data : null, updateTime };
}

/** GET /api/admin/rule-set-settings — both rule sets, with what has been set. */
export async function listRuleSetSettings(req: ApiRequest, deps: RuleSetSettingsDeps): Promise<Reply<'listRuleSetSettings'>> {
  requireRole(await deps.caller(req), ['admin']);
  const snaps = await deps.db.getAll(...RuleSet.options.map((id) => deps.db.collection(RULE_SET_SETTINGS).doc(id)));
  const ruleSets = RuleSet.options.map((id, i) => viewOf(id, snaps[i]!.data(), snaps[i]!.exists ? updateTimeOf(snaps[i]!) : null));
  return { status: 200, headers: { 'Cache-Control': 'private, no-store' }, body: { ruleSets } };
}

/**
 * PUT /api/admin/rule-set-settings/:ruleSet — replaces the settings of one rule set (absent fields: the
 * rule set's defaults).
 * @idempotent by (admin uid, requestId); a stale `expectedUpdateTime` is refused.
 */
export async function saveRuleSetSettings(req: ApiRequest, deps: RuleSetSettingsDeps): Promise<Reply<'saveRuleSetSettings'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['admin']);
  const ruleSet = RuleSet.safeParse(req.params.ruleSet);
  if (!ruleSet.success) throw new ApiError('not-found', { vi: 'Không có bộ quy định này.', en: 'No such rule set.' });
  const input = parseInput(SaveRuleSetSettingsRequest, req.body);
  const { requestId, expectedUpdateTime, ...settings } = input;
  const ref = deps.db.collection(RULE_SET_SETTINGS).doc(ruleSet.data);
  const reply = await runAdminWrite(
    deps.db,
    { caller, requestId, fingerprintOf: { ruleSet: ruleSet.data, ...settings, expectedUpdateTime }, action: 'ruleSetSettings.save', target: { kind: 'ruleSetSettings', id: ruleSet.data }, now: deps.now() },
    async (tx) => {
      const snap = await tx.get(ref);
      checkUpdateTime(snap, expectedUpdateTime);
      tx.set(ref, settings);
      bumpStamps(deps.db, tx, 'ruleSetSettings');
      return {
        answer: { view: viewOf(ruleSet.data, settings, null) },
        audit: {
          summary: { vi: `Cài đặt ${RULE_SETS[ruleSet.data].label.vi}`, en: `Settings of ${RULE_SETS[ruleSet.data].label.en}` },
          before: snap.data() ?? null,
          after: settings,
        },
      };
    },
  );
  const fresh = await ref.get();
  return { status: reply.status, body: { ...reply.body, view: viewOf(ruleSet.data, fresh.data(), updateTimeOf(fresh)) } };
}

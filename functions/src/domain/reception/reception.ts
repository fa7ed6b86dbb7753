// Where a dossier may be handed in, and which agency decides it. Decree 61/2018: at a desk of a level that
// handles the procedure, which then decides it. Decree 118/2025 Art. 14: at any one-stop desk of the
// province, whatever the applicant's residence, except procedures marked mobile, on-site or online-only;
// the receiving unit and the competent unit are then separate, and the dossier is routed to the latter.
import { isOpenOn } from '../agency/receiving.js';
import type { Bilingual } from '../shared/bilingual.js';
import type { ReceptionException } from '../procedure/procedure.js';


type AgencyFacts = {
  readonly id: string;
  readonly level: string;
  readonly hasOneStopDesk: boolean;
  readonly effectiveFrom?: string | undefined;
  readonly effectiveTo?: string | undefined;
};

export type ReceptionInput = {
  /** Whether the dossier's rule set receives anywhere in the province (rule-set/behaviour.ts). */
  readonly receptionAnywhere: boolean;
  readonly procedure: {
    readonly competentLevels: readonly string[];
    readonly competentAgencyId?: string | undefined;
    readonly receptionExceptions?: readonly ReceptionException[] | undefined;
  };
  readonly channel: 'online' | 'desk' | 'post';
  readonly receiving: AgencyFacts | undefined;
  /** The competent agency the applicant or desk named, when the procedure does not name one. */
  readonly competent: AgencyFacts | undefined;
  readonly now: Date;
};

export type ReceptionProblem = { readonly field: 'receivingAgencyId' | 'competentAgencyId' | 'channel'; readonly message: Bilingual };
export type ReceptionDecision = { readonly ok: true; readonly competentAgencyId: string } | { readonly ok: false; readonly problem: ReceptionProblem };

const refuse = (field: ReceptionProblem['field'], vi: string, en: string): ReceptionDecision => ({ ok: false, problem: { field, message: { vi, en } } });

/** Whether this desk may receive this dossier, and the agency competent to decide it. */
export function decideReception(input: ReceptionInput): ReceptionDecision {
  const { procedure, receiving, competent, now } = input;
  if (!receiving || !receiving.hasOneStopDesk || !isOpenOn(receiving, now)) {
    return refuse('receivingAgencyId', 'Cơ quan này không tiếp nhận hồ sơ', 'this agency does not receive dossiers');
  }
  const exceptions = procedure.receptionExceptions ?? [];
  if (exceptions.includes('onlineOnly') && input.channel !== 'online') {
    return refuse('channel', 'Thủ tục này chỉ nộp trực tuyến', 'this procedure is filed online only');
  }
  // The competent agency: named by the procedure, else the one chosen, else the receiving desk itself when
  // it sits at a level that handles the procedure (the only case under Decree 61).
  const named = procedure.competentAgencyId;
  const chosen = named === undefined ? competent : undefined;
  if (chosen !== undefined && (!procedure.competentLevels.includes(chosen.level) || !isOpenOn(chosen, now))) {
    return refuse('competentAgencyId', 'Cơ quan này không có thẩm quyền giải quyết thủ tục', 'this agency is not competent for the procedure');
  }
  const receivingIsCompetent = procedure.competentLevels.includes(receiving.level);
  const competentAgencyId = named ?? chosen?.id ?? (receivingIsCompetent ? receiving.id : undefined);
  if (competentAgencyId === undefined) {
    return refuse('competentAgencyId', 'Chọn cơ quan có thẩm quyền giải quyết', 'choose the agency competent to decide');
  }
  // Mobile and on-site procedures stay with the competent agency's own desk; online-only ones are only
  // restricted in channel (checked above).
  const deskBound = exceptions.some((e) => e === 'mobile' || e === 'onSite');
  if (!input.receptionAnywhere || deskBound) {
    // Only at the competent agency's own desk (or, Decree 61, a desk at a competent level).
    const atOwnDesk = input.receptionAnywhere ? receiving.id === competentAgencyId || (named === undefined && receivingIsCompetent && chosen === undefined) : receivingIsCompetent;
    if (!atOwnDesk) {
      return refuse(
        'receivingAgencyId',
        input.receptionAnywhere
          ? 'Thủ tục này chỉ tiếp nhận tại cơ quan có thẩm quyền (ngoại lệ theo Điều 14 Nghị định 118/2025)'
          : 'Thủ tục này không nộp tại cấp của cơ quan đã chọn',
        input.receptionAnywhere
          ? 'this procedure is received only at the competent agency (an exception under Decree 118/2025 Art. 14)'
          : 'this procedure is not received at that level',
      );
    }
  }
  return { ok: true, competentAgencyId };
}

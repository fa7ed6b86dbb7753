// Whose identifier prefixes a dossier's code. Circular 01/2018: the receiving agency. Decree 118/2025 Art.
// 28: the competent agency; for a procedure several agencies handle together (an inter-agency group), the
// receiving desk's identifier when received at the desk, and the national portal's for online filing.
import type { ProcessStep } from '../procedure/step.js';

export type IssuerInput = {
  readonly issuer: 'receiving' | 'competent';
  /** The portal's identifier, once the province has set it (`RuleSetSettings.onlineIssuer`). */
  readonly onlineIssuer?: string | undefined;
  readonly channel: 'online' | 'desk' | 'post';
  readonly receivingAgencyId: string;
  readonly competentAgencyId: string;
  readonly steps: readonly ProcessStep[];
};

/** Several agencies of the platform handle the procedure in turn or together (một cửa liên thông). */
export function isInterAgencyGroup(steps: readonly ProcessStep[], competentAgencyId: string): boolean {
  const agencies = new Set<string>([competentAgencyId]);
  for (const s of steps) if (s.performer.kind === 'agency') agencies.add(s.performer.agencyId);
  return agencies.size > 1;
}

export function codeIssuerOf(input: IssuerInput): string {
  if (input.issuer === 'receiving') return input.receivingAgencyId;
  if (input.channel === 'online' && input.onlineIssuer) return input.onlineIssuer;
  return input.channel !== 'online' && isInterAgencyGroup(input.steps, input.competentAgencyId) ? input.receivingAgencyId : input.competentAgencyId;
}

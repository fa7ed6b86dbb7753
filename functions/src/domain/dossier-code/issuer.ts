// Whose identifier prefixes a dossier's code. Circular 01/2018: the receiving agency. Decree 118/2025 Art.
// 28: the competent agency's; for an inter-agency group (một cửa liên thông) the receiving desk's when the
// dossier is received at a desk, and the national portal's for online filing. Received at a desk of
// another agency (reception anywhere, Art. 14), the desk and the competent agency form such a group, so
// the desk's identifier prefixes the code; received by the competent agency itself, the two coincide.
// Online, the portal's identifier once the province has set it (its value is reported only), else the
// desk that takes the dossier in.

export type IssuerInput = {
  /** The portal's identifier, once the province has set it (`RuleSetSettings.onlineIssuer`). */
  readonly onlineIssuer?: string | undefined;
  readonly channel: 'online' | 'desk' | 'post';
  readonly receivingAgencyId: string;
};

export function codeIssuerOf(input: IssuerInput): string {
  return input.channel === 'online' && input.onlineIssuer ? input.onlineIssuer : input.receivingAgencyId;
}

// Which official slip the slip trigger makes after which lifecycle event (docs/API.md, "Official slips";
// features/slips), and the id it is stored under: both dossier pages wait for the slip of the latest
// action by these.

/** Event type → the form number of the slip made after it. */
export const SLIP_FORM_OF_EVENT: Record<string, string> = {
  receive: '01',
  requestSupplement: '02',
  refuseAtReception: '03',
  extend: '04',
  transfer: '05',
  acknowledgeTransfer: '05',
};

/** "01" and version 3 → "01-000003". */
export const slipId = (form: string, version: number): string => `${form}-${String(version).padStart(6, '0')}`;

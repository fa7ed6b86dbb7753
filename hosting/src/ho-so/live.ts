// Keeping the page live: the list, or the dossier and its events, from Firestore listeners; and the
// dossier's API answer (its slips), asked again whenever the dossier moves and, since the slip of the
// latest action is made by a trigger moments after it, asked again until that slip is listed; the fee
// notice and receipts likewise whenever the dossier moves (a confirmed payment moves it).
import { describeError } from '../shared/api.js';
import { publicAgencies } from '../shared/reception.js';
import { fetchDossier, fetchProcedureFees } from './api.js';
import { loadPayment, readGatewayReturn } from './payment.js';
import { agencyNames, dossierChanged, dossierId, page, render, slipMissing } from './state.js';
import { watchDossier, watchMyDossiers } from './store.js';

let feesAsked = false;
let slipRetry: ReturnType<typeof setTimeout> | undefined;

export async function loadAnswer(attempt = 0): Promise<void> {
  if (!page.user) return;
  clearTimeout(slipRetry);
  slipRetry = undefined;
  try {
    page.answer = await fetchDossier(page.user, dossierId);
    page.answerError = undefined;
  } catch (err) {
    page.answerError = describeError(err);
  }
  render();
  if (slipMissing() && attempt < 8) slipRetry = setTimeout(() => void loadAnswer(attempt + 1), 1500 * (attempt + 1));
}

export async function followDossier(): Promise<void> {
  let lastVersion = -1;
  // Names for the receiving and competent agencies (public directory); ids are shown until then.
  void publicAgencies()
    .then((agencies) => {
      for (const a of agencies) agencyNames.set(a.id, a.name);
      render();
    })
    .catch(() => undefined);
  // Back from the payment gateway: its result is on the address.
  void readGatewayReturn();
  const stops = await watchDossier(
    dossierId,
    (d) => {
      dossierChanged(d);
      render();
      // The procedure's fees, once: the catalogue is public and its fees do not move with the dossier.
      if (d && !feesAsked) {
        feesAsked = true;
        void fetchProcedureFees(d.procedure.code)
          .then((fees) => ((page.procedureFees = fees), render()))
          .catch(() => undefined); // without the catalogue the fee notice still shows once sent
      }
      // Slips and the personal part come from the API: refresh them when the dossier moves.
      if (d && d.version !== lastVersion) {
        lastVersion = d.version;
        void loadAnswer();
        void loadPayment();
      }
    },
    (events) => {
      page.events = events;
      render();
      if (slipMissing() && slipRetry === undefined) void loadAnswer();
    },
  );
  page.stop.push(...stops);
}

export async function followList(uid: string): Promise<void> {
  page.stop.push(
    await watchMyDossiers(
      uid,
      (items) => {
        page.list = items;
        page.listError = undefined;
        render();
      },
      () => {
        page.listError = { vi: 'Không tải được danh sách hồ sơ.', en: 'Could not load your dossiers.' };
        render();
      },
    ),
  );
}

// My dossiers (/ho-so/ and /ho-so/<dossierId>): the signed-in citizen's dossiers, live from Firestore
// (`ownerUserId == uid`); one dossier's timeline (its events), due date and how it was set, official slips
// to download, the answer to a supplement request, and the way to rate once the result is returned.
// Wiring only:
//   state.ts            who is signed in, the list or the dossier, the message, the supplement files
//   store.ts            the Firestore listeners (list, dossier, events, inbox)
//   api.ts              every call to /api and the answers read
//   live.ts             listeners and API answers kept up to date, slips waited for
//   supplement.ts       uploading and sending the supplement
//   view-*.ts           the list, the dossier and its parts, the inbox, the account and personal data
import '../shared/style.css';
import '../shared/forms.css';
import './page.css';
import type { User } from 'firebase/auth';
import { withCitizen } from '../shared/citizen-session.js';
import { byId } from '../shared/dom.js';
import { applyBranding } from '../shared/branding.js';
import { mountLangSwitch, onLangChange } from '../shared/i18n.js';
import { followDossier, followList } from './live.js';
import { connectPage, dossierId, page, signedOut, stopListening } from './state.js';
import { renderDossier } from './view-dossier.js';
import { mountInbox } from './view-inbox.js';
import { renderList } from './view-list.js';
import { mountAccount } from './view-account.js';
import { mountPrivacy } from './view-privacy.js';

const render = (): void => (dossierId ? renderDossier() : renderList());

function startFor(user: User): void {
  stopListening();
  page.user = user;
  if (dossierId) void followDossier();
  else {
    void followList(user.uid);
    void mountInbox(byId('inbox'), user).then((unsubscribe) => page.stop.push(unsubscribe));
    mountAccountAndPrivacy(user);
  }
}

mountLangSwitch();
void applyBranding();
connectPage({ render });
onLangChange(render);
void withCitizen(byId('app'), startFor, { vi: 'Đăng nhập để xem các hồ sơ bạn đã nộp.', en: 'Sign in to see the dossiers you have submitted.' }, () => {
  signedOut();
  byId('inbox').replaceChildren();
  byId('account').replaceChildren();
  byId('privacy').replaceChildren();
});

/** The account, profile and personal-data sections under the list (view-account.ts, view-privacy.ts). */
function mountAccountAndPrivacy(user: User): void {
  let reloadProfile = (): void => undefined;
  void mountAccount(byId('account'), user, (listener) => (reloadProfile = listener));
  void mountPrivacy(byId('privacy'), user, () => reloadProfile());
}

// My dossiers (/ho-so/ and /ho-so/<dossierId>): the signed-in citizen's dossiers — first from the API
// (GET /api/me/dossiers), then live from Firestore (`ownerUserId == uid`); one dossier's timeline (its events), due date and how it was set, official slips
// to download, the answer to a supplement request, and the way to rate once the result is returned.
// Wiring only:
//   state.ts            who is signed in, the list or the dossier, the message, the supplement files
//   store.ts            the Firestore listeners (list, dossier, events, inbox)
//   api.ts              every call to /api and the answers read
//   live.ts             listeners and API answers kept up to date, slips waited for
//   supplement.ts       uploading and sending the supplement
//   view-*.ts           the list, the dossier and its parts, the inbox, the account and personal data
// On a cheap phone over slow 3G the list is what the citizen came for (issue 20, bench/citizen-page.ts):
// it is drawn from one API answer with only the light Auth build loaded; the Firestore SDK (live.js,
// ≈ 134 KB gzip), the inbox, the account and the personal-data sections are loaded with import() once the
// list is on screen. The dossier page loads its views and listeners the same way.
// With a page session (the `__session` cookie, POST /api/session after a sign-in) the server sends the
// list already drawn, with its API answer embedded (features/dossiers/my-dossiers-page.ts): the page
// keeps it on screen while Auth loads, and does not ask for it again.
import '../shared/style.css';
import '../shared/forms.css';
import './page.css';
import type { User } from 'firebase/auth';
import { describeError } from '../shared/api.js';
import { signOutCitizen, withCitizen } from '../shared/citizen-session.js';
import { byId } from '../shared/dom.js';
import { applyBranding } from '../shared/branding.js';
import { lang, mountLangSwitch, onLangChange } from '../shared/i18n.js';
import type { MyDossiersAnswer } from '../../../functions/src/contract/index.js';
import { copyCodesIn } from '../shared/dossier-code.js';
import { askEarly } from '../shared/stored-session.js';
import { fetchMyDossiers } from './api.js';
import { forgetSession, keepSession, rememberSession, signedInJustNow } from '../shared/page-session.js';
import { connectPage, dossierId, page, signedOut, stopListening } from './state.js';
import { renderList } from './view-list.js';

/** The dossier's renderer, once its module has loaded (the list page never loads it). */
let renderDossier: (() => void) | undefined;
const render = (): void => (dossierId ? renderDossier?.() : renderList());

/** Sign-in changes while a load is under way: a late answer for the previous user is dropped. */
let generation = 0;

/** The list as the server drew it (a page session): for whom, and the API answer it drew from. */
function drawnByServer(): { uid: string; answer: MyDossiersAnswer } | undefined {
  const app = byId('app');
  const data = document.getElementById('page-data');
  if (dossierId || app.dataset.state !== 'ok' || !app.dataset.uid || !data?.textContent) return undefined;
  const embedded = JSON.parse(data.textContent) as { status: number; body: MyDossiersAnswer };
  return embedded.status === 200 ? { uid: app.dataset.uid, answer: embedded.body } : undefined;
}
let drawn = drawnByServer();
if (drawn) {
  page.list = drawn.answer.items;
  page.who = byId('app').querySelector('.who')?.getAttribute('data-who') ?? undefined;
}

/**
 * The list, asked with the token Auth stored at the last visit as soon as the page starts, instead of after
 * the SDK has checked the account with Auth's server (one round trip more; shared/stored-session.ts) —
 * unless the server already drew it (then nothing is asked early).
 */
const firstList = dossierId || drawn ? fetchMyDossiers : askEarly(fetchMyDossiers);

/** POST /api/session once per sign-in seen by this page, unless the server's list shows there is one. */
const sessionAsked = new Set<string>();

function startFor(user: User): void {
  stopListening();
  page.user = user;
  const mine = ++generation;
  const sameAsServer = drawn?.uid === user.uid;
  let session: Promise<unknown> | undefined;
  if (!sameAsServer && !sessionAsked.has(user.uid) && signedInJustNow(user)) {
    sessionAsked.add(user.uid);
    session = rememberSession(user);
  }
  // A list drawn for someone else: that cookie must not outlive this sign-in (a new one replaces it).
  if (drawn && !sameAsServer) {
    const replaced = session ?? Promise.resolve(false);
    session = replaced.then((ok) => (ok ? undefined : forgetSession()));
  }
  if (dossierId) {
    page.list = undefined;
    void openDossier(mine);
  } else if (sameAsServer && drawn) {
    // Already on screen: what keeps it live and the sections under it come next.
    void afterList(user, mine);
    keepSession(user);
  } else {
    // Nothing drawn, or drawn for someone else: that list goes at once.
    page.list = undefined;
    drawn = undefined;
    void openList(user, mine, session);
  }
}

async function openDossier(mine: number): Promise<void> {
  const [{ renderDossier: draw }, { followDossier }] = await Promise.all([import('./view-dossier.js'), import('./live.js')]);
  if (mine !== generation) return;
  renderDossier = draw;
  await followDossier();
}

/**
 * `session`: the page-session request made alongside (one round trip, in parallel), waited for a little
 * before the list is shown, so that a citizen who leaves as soon as the list appears still has the cookie.
 */
async function openList(user: User, mine: number, session?: Promise<unknown>): Promise<void> {
  try {
    const first = await firstList(user);
    if (session) await Promise.race([session, new Promise((later) => setTimeout(later, 2_000))]);
    if (mine !== generation) return;
    // The live listener's answer, if it came first, is the newer one.
    page.list ??= first.items;
    page.listError = undefined;
  } catch (err) {
    if (mine !== generation) return;
    page.listError = describeError(err);
  }
  render();
  await afterList(user, mine);
}

async function afterList(user: User, mine: number): Promise<void> {
  // Usable now; what keeps the list live and the sections under it come after the list is painted, so
  // that their bytes (the Firestore SDK above all) do not compete with it.
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
  if (mine !== generation) return;
  const [{ followList }, { mountInbox }, account, privacy] = await Promise.all([
    import('./live.js'),
    import('./view-inbox.js'),
    import('./view-account.js'),
    import('./view-privacy.js'),
  ]);
  if (mine !== generation) return;
  void followList(user.uid);
  void mountInbox(byId('inbox'), user).then((unsubscribe) => page.stop.push(unsubscribe));
  // The account, profile and personal-data sections under the list (view-account.ts, view-privacy.ts).
  let reloadProfile = (): void => undefined;
  void account.mountAccount(byId('account'), user, (listener) => (reloadProfile = listener));
  void privacy.mountPrivacy(byId('privacy'), user, () => reloadProfile());
}

mountLangSwitch();
void applyBranding();
connectPage({ render });
onLangChange(render);
// The list's copy buttons and sign-out work from the first paint, whoever drew the list.
copyCodesIn(byId('app'));
byId('app').addEventListener('click', (event) => {
  if ((event.target as Element | null)?.closest?.('#sign-out')) void signOutCitizen();
});
// Drawn in Vietnamese by the server: a reader who chose English gets it at once.
if (drawn && lang() !== 'vi') render();
void withCitizen(byId('app'), startFor, { vi: 'Đăng nhập để xem các hồ sơ bạn đã nộp.', en: 'Sign in to see the dossiers you have submitted.' }, () => {
  // Signed out here or elsewhere, or the browser's sign-in is gone while the cookie stayed: the cookie goes too.
  if (page.user || drawn) void forgetSession();
  drawn = undefined;
  generation += 1;
  signedOut();
  byId('inbox').replaceChildren();
  byId('account').replaceChildren();
  byId('privacy').replaceChildren();
});

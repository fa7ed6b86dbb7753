// Rating (/danh-gia/<code>?t=<token>): opened from the receipt's QR (with its token) or from My dossiers
// (signed-in owner, no token). Shows the procedure and status, then the five-level satisfaction scale, the
// officer-attitude question and a comment. With a token the page needs no Firebase SDK at all; the
// owner's sign-in is loaded only when there is no token.
// Wiring only: state.ts (the dossier, the answers, the outcome), api.ts (lookup and rating calls),
// view.ts (the page), submission.ts (checking and sending the answers).
import '../shared/style.css';
import '../shared/forms.css';
import './page.css';
import { byId } from '../shared/dom.js';
import { applyBranding } from '../shared/branding.js';
import { mountLangSwitch, onLangChange } from '../shared/i18n.js';
import { lookUpDossier, rating, signedIn, token } from './state.js';
import { render } from './view.js';

mountLangSwitch();
void applyBranding();

async function start(): Promise<void> {
  await lookUpDossier();
  if (token || rating.outcome || rating.failure) {
    render();
    return;
  }
  // No token: the owner rates from My dossiers, signed in.
  const { withCitizen } = await import('../shared/citizen-session.js');
  await withCitizen(
    byId('app'),
    (user) => {
      signedIn(user);
      render();
    },
    { vi: 'Đăng nhập bằng tài khoản đã nộp hồ sơ để đánh giá.', en: 'Sign in with the account that submitted the dossier to rate it.' },
  );
}

onLangChange(render);
void start();

// The data protection officer's queue (/bao-ve-du-lieu/, administrators): correction and deletion requests
// with their legal deadlines (reply within 2 working days, complete within 15 days, one 15-day extension;
// late ones flagged by the sweep), and for each the actions the request allows now, each with its message
// to the requester. Completing a deletion erases the account within the archiving duties, after a second
// confirmation that says what is erased and what is kept.
// Wiring only: state.ts (the queue, drafts, outcome), api.ts (the two calls), view.ts (the page).
import '../shared/style.css';
import '../shared/forms.css';
import './page.css';
import { signOutCitizen, withCitizen } from '../shared/citizen-session.js';
import { byId } from '../shared/dom.js';
import { mountLangSwitch, onLangChange } from '../shared/i18n.js';
import { connect, signedIn, signedOut } from './state.js';
import { render } from './view.js';

mountLangSwitch();
connect(render);
onLangChange(render);
byId('sign-out').addEventListener('click', () => void signOutCitizen());
void withCitizen(byId('app'), signedIn, { vi: 'Đăng nhập bằng tài khoản quản trị viên.', en: 'Sign in with an administrator account.' }, () => {
  signedOut();
  render();
});

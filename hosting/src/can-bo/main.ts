// Officer dashboard entry: sign-in (Firebase Auth; the emulator locally), the officer's role and agency
// from the custom claims, and the routes inside the page (History API; Hosting rewrites /can-bo/**):
//   /can-bo/                 work queues (live)
//   /can-bo/ho-so/<id>       one dossier and its actions
//   /can-bo/tiep-nhan        desk intake (receptionists)       — loaded on demand
//   /can-bo/viec-can-lam     tasks from the deadline sweep     — loaded on demand
//   /can-bo/thong-ke         the agency's monthly statistics   — loaded on demand
// Wiring only: state.ts (the signed-in officer, what views receive), sign-in.ts, router.ts (routes and
// navigation), api.ts (every call to /api), store.ts (every Firestore read), view-*.ts (the views).
import '../shared/style.css';
import './page.css';
import { byId } from '../shared/dom.js';
import { mountHealthCheck } from '../shared/health-check.js';
import { applyBranding } from '../shared/branding.js';
import { mountLangSwitch, onLangChange } from '../shared/i18n.js';
import { installRouter, render } from './router.js';
import { mountSignIn } from './sign-in.js';

mountLangSwitch();
void applyBranding();
mountHealthCheck(byId<HTMLButtonElement>('health-button'), byId('health-output'));
installRouter();
onLangChange(() => void render());
void mountSignIn();

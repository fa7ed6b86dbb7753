// Admin console (Quản trị) entry: sign-in (Firebase Auth), the administrator's role from the custom
// claims, and the sections inside the page (History API; Hosting rewrites /quan-tri/**):
//   /quan-tri/co-quan     agencies: hierarchy, contact, hours, staff list, mergers
//   /quan-tri/can-bo      officers: invite, role and agency, deactivate
//   /quan-tri/thu-tuc     procedures: a new version
//   /quan-tri/lich        working calendars per year
//   /quan-tri/nhan-dien   branding: province name, logo, address, hotline
//   /quan-tri/cai-dat     rule-set settings (dossier codes)
//   /quan-tri/nhat-ky     audit log
// Wiring only: state.ts (the administrator, the sections), sign-in.ts, router.ts, api.ts (every call to
// /api), form-kit.ts (fields and errors), view-*.ts and *-form.ts (the sections).
import '../shared/style.css';
import '../shared/forms.css';
import './page.css';
import { applyBranding } from '../shared/branding.js';
import { mountLangSwitch, onLangChange } from '../shared/i18n.js';
import { installRouter, render } from './router.js';
import { mountSignIn } from './sign-in.js';

mountLangSwitch();
void applyBranding();
installRouter();
onLangChange(() => void render());
void mountSignIn();

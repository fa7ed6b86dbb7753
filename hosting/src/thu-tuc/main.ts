// Procedure details (/thu-tuc/<code>): what to bring, what it costs, how long it takes and what that
// means, where to go, the legal basis, and the way to apply online. Public page: no Firebase SDK, no zod.
// Wiring only: state.ts (the procedure of the address), api.ts (its call), view.ts (the page).
import '../shared/style.css';
import './page.css';
import { applyBranding } from '../shared/branding.js';
import { mountLangSwitch, onLangChange } from '../shared/i18n.js';
import { load } from './state.js';
import { render } from './view.js';

mountLangSwitch();
void applyBranding();
onLangChange(render);
void load().then(render);

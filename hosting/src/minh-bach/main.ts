// Transparency (Công khai minh bạch): what Decree 61/2018 and Circular 01/2018 require to be public —
// procedures and their fees, the officers at each one-stop desk, how many dossiers each agency resolved
// on time per month, and the Circular 01 evaluation scores. No sign-in and no Firebase SDK: plain fetch
// keeps the page light on a cheap phone.
// Wiring only: state.ts (what has loaded, per section), api.ts (the three calls), view-procedures.ts,
// view-directory.ts and view-figures.ts (the sections), chart.ts (the bar chart).
import '../shared/style.css';
import './page.css';
import { applyBranding } from '../shared/branding.js';
import { mountLangSwitch, onLangChange } from '../shared/i18n.js';
import { data, loadAgencies, loadFigures, loadProcedures } from './state.js';
import { renderAgencies } from './view-directory.js';
import { renderFigures } from './view-figures.js';
import { markLoaded } from './view-parts.js';
import { proceduresLoaded, renderProcedures } from './view-procedures.js';

function renderAll(): void {
  renderProcedures();
  renderAgencies();
  renderFigures();
}

mountLangSwitch();
void applyBranding();
onLangChange(renderAll);
renderAll();
// The directory first: the on-time chart names agencies from it.
void loadAgencies().then(() => {
  renderAgencies();
  markLoaded(['directory'], 'agencies');
  if (data.figures) renderFigures();
});
void loadProcedures().then(proceduresLoaded);
void loadFigures().then(() => {
  renderFigures();
  markLoaded(['on-time', 'scores'], 'figures');
});

// The procedure page's content: the contract's procedureView() (the same tree the server prints into the
// page it sends, functions/src/features/catalog/procedure-page.ts), drawn in the chosen language.
import { procedureFailureView, procedureView } from '../../../functions/src/contract/views/procedure-view.js';
import { setBrandedTitle } from '../shared/branding.js';
import { byId } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { drawInto } from '../shared/view-dom.js';
import { page } from './state.js';

const app = byId('app');

export function render(): void {
  const { detail, failure } = page;
  if (failure) {
    app.dataset.state = 'error';
    drawInto(app, ...procedureFailureView(failure, t));
    return;
  }
  if (!detail) return;
  setBrandedTitle(t(detail.procedure.name));
  app.dataset.state = 'ok';
  drawInto(app, procedureView(detail, t));
}

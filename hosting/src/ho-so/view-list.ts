// The list (/ho-so/): the signed-in citizen's dossiers, drawn from the contract's view tree
// (contract/views/my-dossiers-view.ts), the one the server prints when a session cookie lets it send the
// list already drawn (issue 20).
import { myDossiersView } from '../../../functions/src/contract/views/my-dossiers-view.js';
import { signedInAs } from '../../../functions/src/contract/views/phone-display.js';
import { copyCodesIn } from '../shared/dossier-code.js';
import { byId, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { drawInto } from '../shared/view-dom.js';
import { page } from './state.js';

export function renderList(): void {
  const app = byId('app');
  const { list, listError, user, who } = page;
  if (listError) {
    app.dataset.state = 'error';
    app.replaceChildren(h('p', { class: 'status' }, t(listError)));
    return;
  }
  if (!list) return;
  app.dataset.state = 'ok';
  drawInto(app, ...myDossiersView(list, user ? signedInAs(user) : (who ?? ''), t));
  copyCodesIn(app);
}

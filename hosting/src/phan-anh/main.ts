// Phản ánh, kiến nghị (/phan-anh/): the public answers (`/phan-anh/`), the form (`/phan-anh/gui`) and the
// sender's own case (`/phan-anh/theo-doi/<id>?t=<token>`). Wiring only: view-answers.ts, view-form.ts,
// view-track.ts; signed-in.ts loads the sign-in SDK for the form only.
import '../shared/style.css';
import '../shared/forms.css';
import './page.css';
import { byId } from '../shared/dom.js';
import { api } from '../shared/api.js';
import { mountLangSwitch, onLangChange } from '../shared/i18n.js';
import { renderAnswers } from './view-answers.js';
import { renderForm } from './view-form.js';
import { renderTrack } from './view-track.js';

async function render(): Promise<void> {
  const target = byId('view');
  const path = location.pathname;
  const track = /^\/phan-anh\/theo-doi\/([A-Za-z0-9_-]+)$/.exec(path);
  if (track) return renderTrack(target, track[1]!, new URLSearchParams(location.search).get('t') ?? '');
  if (path.startsWith('/phan-anh/gui')) {
    const agencies = await api('listAgencies', {}).then((r) => r.items.filter((a) => a.hasOneStopDesk || a.level === 'province'), () => []);
    return renderForm(target, agencies);
  }
  return renderAnswers(target);
}

mountLangSwitch();
onLangChange(() => void render());
void render();

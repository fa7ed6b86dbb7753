// Citizen portal entry. Deliberately free of the Firebase SDK: plain fetch keeps the first load small
// for a cheap phone on a slow connection.
import '../shared/style.css';
import { callApi, describeError, type Bilingual } from '../shared/api.js';
import { mountHealthCheck } from '../shared/health-check.js';

type ProcedureSummary = { id: string; code: string; name: Bilingual; field: string; durationText: Bilingual; onlineLevel: string };

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

mountHealthCheck(byId<HTMLButtonElement>('health-button'), byId('health-output'));

async function showCatalog(target: HTMLElement): Promise<void> {
  try {
    const { items } = await callApi<{ items: ProcedureSummary[] }>('/procedures');
    const list = document.createElement('ul');
    list.className = 'list';
    for (const p of items) {
      const li = document.createElement('li');
      li.textContent = `${p.name.vi} — ${p.durationText.vi} (${p.code})`;
      li.title = p.name.en;
      list.append(li);
    }
    target.replaceChildren(list);
    target.dataset.state = 'ok';
  } catch (err) {
    const message = describeError(err);
    target.textContent = `${message.vi} / ${message.en}`;
    target.dataset.state = 'error';
  }
}

void showCatalog(byId('catalog'));

// /ho-so/ — "Hồ sơ của tôi", sent with the citizen's list already drawn when the request carries the
// citizen's page session (the `__session` cookie, platform/page-session.ts): on a cheap phone over slow
// 3G the list then comes with the HTML instead of after the Auth SDK, the restored sign-in and one more
// round trip (issue 20, bench/citizen-page.ts). The list is the API's own answer (listMyDossiers, the
// same query, limits and fields GET /api/me/dossiers gives this citizen), printed by the contract's
// myDossiersView(), which the page's script draws again, and embedded for the script so it does not ask
// again. Without a valid session (none, bad, expired, revoked, not a citizen's) the page goes out as it
// is built and the script signs the citizen in as before. Personal data: never kept by any cache.
import type { MyDossiersAnswer } from '../../contract/index.js';
import { myDossiersView } from '../../contract/views/my-dossiers-view.js';
import { signedInAs } from '../../contract/views/phone-display.js';
import { escapeHtml, inVietnamese, toHtml } from '../../contract/views/node.js';
import type { Caller } from '../../platform/auth.js';
import type { ApiRequest } from '../../platform/http-router.js';
import { pageCitizen, type PageCitizen } from '../../platform/page-session.js';
import { pageTemplate, replaceOnce, withAnswer } from '../../platform/page-template.js';
import { answerFor, type PageReply } from '../../platform/serve-pages.js';
import type { Firestore } from 'firebase-admin/firestore';
import { listMyDossiers } from './mine.handler.js';

const PRIVATE = { 'Cache-Control': 'private, no-store' };

export async function myDossiersPage(
  req: ApiRequest,
  deps: { db: Firestore; citizen?: (req: ApiRequest) => Promise<PageCitizen | undefined> },
): Promise<PageReply> {
  const plain = pageTemplate('ho-so');
  const citizen = await (deps.citizen ?? pageCitizen)(req);
  if (!citizen) return { status: 200, headers: PRIVATE, html: plain };
  const caller: Caller = { role: 'citizen', userId: citizen.uid };
  // The first page the script asks for (GET /api/me/dossiers, no query), as that citizen.
  const { status, body } = await answerFor(() => listMyDossiers({ ...req, query: {} }, { db: deps.db, caller: async () => caller }));
  // A refusal here is no reason to show an error page: the script asks again itself.
  if (status !== 200) return { status: 200, headers: PRIVATE, html: plain };
  const answer = body as MyDossiersAnswer;
  const list = myDossiersView(answer.items, signedInAs(citizen), inVietnamese).map(toHtml).join('');
  let html = withAnswer(plain, { status, body });
  html = replaceOnce(
    html,
    /<div id="app"([^>]*)>.*?<\/div>/s,
    (div) => `${div.slice(0, div.indexOf('>'))} data-state="ok" data-uid="${escapeHtml(citizen.uid)}">${list}</div>`,
  );
  return { status: 200, headers: PRIVATE, html };
}

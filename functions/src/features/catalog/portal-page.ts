// / — the landing page, sent with the catalogue already listed (issue 20): the API's own first page of
// procedures (listProcedures, 100 by code, what the page's script asks first) printed by the contract's
// catalogueView(). Public and the same for everyone: the CDN keeps it like the API answer. With search
// words or filters in the address, or a catalogue longer than one page, the script finishes the list.
import type { ProcedurePage } from '../../contract/index.js';
import { catalogueCount, catalogueView } from '../../contract/views/catalogue-view.js';
import { escapeHtml, inVietnamese, toHtml } from '../../contract/views/node.js';
import type { ApiRequest } from '../../platform/http-router.js';
import { pageTemplate, replaceOnce, withAnswer } from '../../platform/page-template.js';
import { answerFor, type PageReply } from '../../platform/serve-pages.js';
import type { Firestore } from 'firebase-admin/firestore';
import { listProcedures } from './list-procedures.handler.js';

/** What the page's inline early request asks (hosting/inline/early-fetch.js): the answer embedded is that one. */
const FIRST_PAGE = { limit: '100' };

export async function portalPage(req: ApiRequest, db: Firestore): Promise<PageReply> {
  const { status, body, headers } = await answerFor(() => listProcedures({ ...req, query: FIRST_PAGE }, db));
  let html = withAnswer(pageTemplate('portal'), { status, body });
  const filtered = ['q', 'field', 'level'].some((key) => typeof req.query[key] === 'string' && req.query[key] !== '');
  if (status === 200 && !filtered) {
    const page = body as ProcedurePage;
    html = replaceOnce(html, /<div id="catalog"[^>]*>.*?<\/div>/s, () => `<div id="catalog" data-state="ok">${toHtml(catalogueView(page.items, inVietnamese))}</div>`);
    // The count is the catalogue's only when it is all here.
    if (page.nextAfter === null) {
      html = replaceOnce(html, /<p id="result-count"([^>]*)><\/p>/, (p) => `${p.slice(0, -'</p>'.length)}${escapeHtml(catalogueCount(page.items.length, inVietnamese))}</p>`);
    }
  }
  return { status: 200, headers: status === 200 ? { ...headers } : { 'Cache-Control': 'no-store' }, html };
}

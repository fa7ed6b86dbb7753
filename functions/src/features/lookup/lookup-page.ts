// /tra-cuu/<code>?t=… — the page a receipt's QR code opens, sent with its answer already drawn, so a
// cheap phone on a slow link shows the dossier's progress with the HTML itself instead of after the
// page's script and one more round trip (issue 20, bench/citizen-page.ts). The answer is the API's own
// (lookupDossier: same validation, rate limit and views) and the words are the contract's lookupAnswer(),
// which the page's script also draws; the script then takes over (language switch, new lookups).
import type { LookupView } from '../../contract/index.js';
import { lookupAnswer, lookupAnswerView } from '../../contract/views/lookup-answer.js';
import { escapeHtml, inVietnamese, toHtml } from '../../contract/views/node.js';
import type { ApiRequest } from '../../platform/http-router.js';
import { pageTemplate, replaceOnce, withAnswer } from '../../platform/page-template.js';
import { answerFor, refusalText, type PageReply } from '../../platform/serve-pages.js';
import { lookupDossier, type LookupDeps } from './lookup-dossier.handler.js';

/** The lookup page for `req` (GET /tra-cuu/:code), its answer in the HTML; the status is the answer's. */
export async function lookupPage(req: ApiRequest, deps: LookupDeps): Promise<PageReply> {
  // The page's own query parameters (`xn`, the contact to confirm) are not the lookup's: pass on only its token.
  const asked: ApiRequest = { ...req, query: req.query.t === undefined ? {} : { t: req.query.t } };
  const { status, body, headers } = await answerFor(() => lookupDossier(asked, deps));
  const token = typeof req.query.t === 'string' ? req.query.t : null;
  const result =
    status === 200
      ? `data-state="ok">${lookupAnswerView(lookupAnswer(body as LookupView, token), inVietnamese)
          .map(toHtml)
          .join('')}`
      : `data-state="error">${escapeHtml(refusalText(body))}`;
  let html = withAnswer(pageTemplate('tra-cuu'), { status, body });
  html = replaceOnce(
    html,
    /<section id="result"([^>]*)><\/section>/,
    (section) => `${section.slice(0, -'></section>'.length)} ${result}</section>`,
  );
  html = replaceOnce(
    html,
    /<input id="code" /,
    (input) => `${input}value="${escapeHtml(req.params.code ?? '')}" `,
  );
  // Per dossier and per token: never kept by the CDN or a shared cache.
  return { status, headers: { ...headers, 'Cache-Control': 'no-store' }, html };
}

// /thu-tuc/<code> — a procedure's page, sent with its content already drawn (issue 20): the API's own
// answer (getProcedure) printed by the contract's procedureView(), the tree the page's script draws
// again in the reader's language. Public and the same for everyone: the CDN keeps it like the API answer.
import type { ProcedureDetail } from '../../contract/index.js';
import { escapeHtml, inVietnamese, toHtml } from '../../contract/views/node.js';
import { procedureFailureView, procedureView } from '../../contract/views/procedure-view.js';
import type { ApiRequest } from '../../platform/http-router.js';
import { pageTemplate, replaceOnce, withAnswer } from '../../platform/page-template.js';
import { answerFor, type PageReply } from '../../platform/serve-pages.js';
import type { Firestore } from 'firebase-admin/firestore';
import { getProcedure } from './get-procedure.handler.js';

export async function procedurePage(
  req: ApiRequest,
  deps: { db: Firestore; now: () => Date },
): Promise<PageReply> {
  // The page's own query (a shared link's tracking, say) is not the API's.
  const { status, body, headers } = await answerFor(() => getProcedure({ ...req, query: {} }, deps));
  const ok = status === 200;
  const content = ok
    ? toHtml(procedureView(body as ProcedureDetail, inVietnamese))
    : procedureFailureView(
        {
          message: (body as { error: { message: { vi: string; en: string } } }).error.message,
          notFound: status === 404,
        },
        inVietnamese,
      )
        .map(toHtml)
        .join('');
  let html = withAnswer(pageTemplate('thu-tuc'), { status, body });
  html = replaceOnce(
    html,
    /<div id="app"([^>]*)>.*?<\/div>/s,
    (div) => `${div.slice(0, div.indexOf('>'))} data-state="${ok ? 'ok' : 'error'}">${content}</div>`,
  );
  if (ok)
    html = replaceOnce(
      html,
      /<title>[^<]*<\/title>/,
      () => `<title>${escapeHtml((body as ProcedureDetail).procedure.name.vi)}</title>`,
    );
  // The answer's caching (public, CDN) when found; a refusal is not kept.
  return { status, headers: ok ? { ...headers } : { ...headers, 'Cache-Control': 'no-store' }, html };
}

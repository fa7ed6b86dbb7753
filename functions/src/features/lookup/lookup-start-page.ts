// /tra-cuu/ — where a citizen types the code printed on their receipt. The page goes out as built; its form
// has `action="/tra-cuu/"`, so a code sent before the page's script has arrived (a tap on "Tra cứu" on a
// slow link, or a browser without script) comes here as `?code=` and goes on (303) to /tra-cuu/<code>,
// which the server draws with the answer (lookup-page.ts). The code is only bounded here; the lookup
// validates it and draws a refusal in plain words.
import { z } from 'zod';
import { escapeHtml } from '../../contract/views/node.js';
import type { ApiRequest } from '../../platform/http-router.js';
import { pageTemplate } from '../../platform/page-template.js';
import type { PageReply } from '../../platform/serve-pages.js';

const SentCode = z.string().trim().min(1).max(64);

export async function lookupStartPage(req: ApiRequest): Promise<PageReply> {
  const sent = SentCode.safeParse(req.query.code);
  if (sent.success) {
    const to = `/tra-cuu/${encodeURIComponent(sent.data)}`;
    return { status: 303, headers: { Location: to, 'Cache-Control': 'no-store' }, html: `<!doctype html><meta charset="utf-8"><a href="${escapeHtml(to)}">Tra cứu / Look up</a>` };
  }
  // The same page for everyone: kept by the CDN as the procedure pages are.
  return { status: 200, headers: { 'Cache-Control': 'public, max-age=60, s-maxage=300' }, html: pageTemplate('tra-cuu') };
}

// The built HTML of a page the server sends with its first view filled in. The hosting build (the
// `motcua-page-templates` plugin of hosting/vite.config.ts) writes a copy of each such page's HTML to
// functions/page-templates/<page>.html, because a deployed function cannot read Hosting's files; the
// functions' predeploy builds hosting first (firebase.json). Read once per instance, at the first request.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** functions/page-templates/, from lib/platform/ (built) or src/platform/ (tests). */
const DIR = fileURLToPath(new URL('../../page-templates/', import.meta.url));

const cache = new Map<string, string>();

/** The page's HTML as built; throws (a 500, logged) when hosting was not built before the functions ran. */
export function pageTemplate(page: string): string {
  let html = cache.get(page);
  if (html === undefined) {
    html = readFileSync(`${DIR}${page}.html`, 'utf8');
    cache.set(page, html);
  }
  return html;
}

/**
 * Puts `answer` (the status and body of the API request the page makes first) into the page as
 * `page-data`, where the inline early-fetch script (hosting/inline/early-fetch.js) finds it and hands it
 * to the page's first call of that request instead of asking the server again.
 */
export const withAnswer = (html: string, answer: { status: number; body: unknown }): string => withData(html, 'page-data', answer);

/**
 * Puts `data` into the page as `<script type="application/json" id="…">`, right after its charset. A JSON
 * script block is data, never run, so the Content-Security-Policy need not allow it; `<` is escaped so no
 * text in it can close the block.
 */
export function withData(html: string, id: string, data: unknown): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return replaceOnce(
    html,
    /<meta charset="utf-8" ?\/?>/i,
    (meta) => `${meta}<script type="application/json" id="${id}">${json}</script>`,
  );
}

/** Replaces the one match of `pattern`; a template without it is a build mistake, reported loudly. */
export function replaceOnce(html: string, pattern: RegExp, replace: (match: string) => string): string {
  let found = 0;
  const out = html.replace(pattern, (match) => {
    found += 1;
    return replace(match);
  });
  if (found !== 1) throw new Error(`page template: ${String(pattern)} matched ${found} times, expected once`);
  return out;
}

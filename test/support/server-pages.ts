// Pages the api function sends with their first view drawn (docs/adr/0014): fetched as a browser would,
// through Hosting, each request from a client address of its own (the lookup and rating quotas count per
// client), without following redirects.
import { HOSTING_URL } from './emulators.js';

const fakeIp = () => `198.19.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

/** GET `path`, or POST `form` to it urlencoded as a form without the page's script does. */
export async function fetchPage(path: string, form?: Record<string, string>): Promise<{ res: Response; html: string }> {
  const res = await fetch(`${HOSTING_URL}${path}`, {
    redirect: 'manual',
    ...(form
      ? { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': fakeIp() }, body: new URLSearchParams(form).toString() }
      : { headers: { 'x-forwarded-for': fakeIp() } }),
  });
  return { res, html: await res.text() };
}

/** The API answer a page embeds for its script (`<script type="application/json" id="page-data">`). */
export function pageData(html: string): { status: number; body: Record<string, unknown> } {
  const match = /<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(html);
  if (!match) throw new Error('no page-data in the page');
  return JSON.parse(match[1]!) as { status: number; body: Record<string, unknown> };
}

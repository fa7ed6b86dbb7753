// A page's first view as plain data: the server prints it as HTML inside the page it sends (so a cheap
// phone shows the content with the HTML itself, issue 20) and the page's script turns the same tree into
// DOM when it draws again (a language switch, a new search): one description, two renderings, no drift.
// No DOM and no HTML parsing here: text and attribute values are escaped when printed.

import type { Bilingual } from '../../domain/shared/bilingual.js';

/** The reader's language: the page's switch in the browser, Vietnamese on the server. */
export type Translate = (text: Bilingual) => string;
export const inVietnamese: Translate = (text) => text.vi;

export type ViewChild = ViewNode | string | null | undefined | false;
export type ViewNode = { tag: string; attrs: Record<string, string>; children: ViewChild[] };

/** An element; attributes that are undefined are left out. */
export function el(
  tag: string,
  attrs: Record<string, string | undefined> = {},
  ...children: ViewChild[]
): ViewNode {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) kept[name] = value;
  return { tag, attrs: kept, children };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Tags, attribute names: letters, digits and dashes only, so nothing printed can break out of the markup. */
const NAME = /^[a-z][a-z0-9-]*$/;

/** Elements that have no end tag in HTML. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** The tree as HTML. */
export function toHtml(child: ViewChild): string {
  if (child === null || child === undefined || child === false) return '';
  if (typeof child === 'string') return escapeHtml(child);
  if (!NAME.test(child.tag)) throw new Error(`not a tag name: ${child.tag}`);
  const attrs = Object.entries(child.attrs)
    .map(([name, value]) => {
      if (!NAME.test(name)) throw new Error(`not an attribute name: ${name}`);
      return value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
    })
    .join('');
  if (VOID.has(child.tag)) {
    if (child.children.some((c) => c !== null && c !== undefined && c !== false)) throw new Error(`<${child.tag}> has no content`);
    return `<${child.tag}${attrs}>`;
  }
  return `<${child.tag}${attrs}>${child.children.map(toHtml).join('')}</${child.tag}>`;
}

// A shared view tree (functions/src/contract/views/node.ts) as DOM: how a page draws again what the
// server first printed as HTML (a language switch, a new search), from the same description.
import type { ViewChild } from '../../../functions/src/contract/views/node.js';

export function toDom(child: ViewChild): Node | null {
  if (child === null || child === undefined || child === false) return null;
  if (typeof child === 'string') return document.createTextNode(child);
  const element = document.createElement(child.tag);
  for (const [name, value] of Object.entries(child.attrs)) element.setAttribute(name, value);
  for (const c of child.children) {
    const node = toDom(c);
    if (node) element.append(node);
  }
  return element;
}

/** Replaces `target`'s children with the trees'. */
export function drawInto(target: HTMLElement, ...trees: ViewChild[]): void {
  target.replaceChildren(...trees.map(toDom).filter((n): n is Node => n !== null));
}

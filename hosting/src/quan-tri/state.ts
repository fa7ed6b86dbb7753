// The console's state: the signed-in administrator (role from the custom claims; nobody else is one
// here), and what every section receives — that administrator and a way to move to another section
// without reloading. The sections themselves are listed in router.ts.
import type { User } from 'firebase/auth';

export const BASE = '/quan-tri/';

export type Admin = { user: User; uid: string; name: string };
export const session: { admin?: Admin } = {};

export type ViewContext = {
  admin: Admin;
  /** Section path under /quan-tri/, e.g. `lich`; pushes history and renders. */
  navigate: (path: string) => void;
};
/** A mounted section; `unmount` stops what it started. */
export type View = { unmount: () => void };
export type ViewFactory = (root: HTMLElement, ctx: ViewContext) => View;

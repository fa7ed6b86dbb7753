// The dashboard's state: the signed-in officer (role and agency from the custom claims; none for a
// signed-out visitor or an account that is not an officer's), and what every view receives — that
// officer and a way to move to another route inside the page without reloading.
import type { User } from 'firebase/auth';

export type OfficerRole = 'receptionist' | 'handler' | 'lead';
export const OFFICER_ROLES: readonly OfficerRole[] = ['receptionist', 'handler', 'lead'];

export type Officer = { user: User; uid: string; role: OfficerRole; agencyId: string; name: string };

/**
 * Province-wide roles without a desk of their own: administrators and monitors see the national portal's
 * sync health here (view-sync-health.ts), not the queues.
 */
export type Overseer = { user: User; role: 'admin' | 'monitor' };

export const session: { officer?: Officer; overseer?: Overseer } = {};

export function isOfficerRole(role: unknown): role is OfficerRole {
  return typeof role === 'string' && (OFFICER_ROLES as readonly string[]).includes(role);
}

export type ViewContext = {
  officer: Officer;
  /** Route path under /can-bo/, e.g. `ho-so/abc`; pushes history and renders. */
  navigate: (path: string) => void;
};

/** A mounted view; `unmount` stops its listeners and timers. */
export type View = { unmount: () => void };
export type ViewFactory = (root: HTMLElement, ctx: ViewContext, param?: string) => View;

export const BASE = '/can-bo/';

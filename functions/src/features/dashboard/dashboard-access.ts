// Who reads the dashboard: agency leads (every agency's figures, as the transparency page publishes them,
// the per-officer figures of their own agency, and the drill-down into their own agency's dossiers),
// monitors and administrators (everything province-wide; never personal data). Desk officers, handlers,
// citizens and kiosks do not.
import { permissionDenied, unauthenticated, type Caller } from '../../platform/auth.js';

export function requireDashboardReader(caller: Caller | undefined): Caller {
  if (caller === undefined) throw unauthenticated();
  if (caller.role !== 'lead' && caller.role !== 'monitor' && caller.role !== 'admin') throw permissionDenied();
  if (caller.role === 'lead' && caller.agencyId === undefined) throw permissionDenied();
  return caller;
}

/** Drill-down reaches dossiers: a lead only those of their own agency. */
export function mayDrillInto(caller: Caller, agencyId: string | undefined): boolean {
  if (caller.role === 'monitor' || caller.role === 'admin') return true;
  return caller.role === 'lead' && agencyId !== undefined && agencyId === caller.agencyId;
}

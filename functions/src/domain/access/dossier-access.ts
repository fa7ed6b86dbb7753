// Who may read a dossier, and how much of it. The one access policy of the API (firestore.rules states the
// same for direct reads): `personal` includes the applicant and the files; `public` is the dossier without
// personal data (monitors see figures, not people); `none` learns nothing, not even that it exists.
import type { Dossier } from '../dossier/dossier.js';
import type { Actor } from '../lifecycle/actor.js';

export type DossierAccess = 'personal' | 'public' | 'none';

export function dossierAccess(dossier: Pick<Dossier, 'ownerUserId' | 'agencyIds'> & { principalUserId?: string }, actor: Pick<Actor, 'role' | 'userId' | 'agencyId'>): DossierAccess {
  switch (actor.role) {
    case 'admin':
      return 'personal';
    case 'monitor':
      return 'public';
    case 'citizen':
      // The filer (owner) and, for a filing on their behalf, the applicant's verified account.
      return dossier.ownerUserId === actor.userId || (dossier.principalUserId !== undefined && dossier.principalUserId === actor.userId) ? 'personal' : 'none';
    case 'receptionist':
    case 'handler':
    case 'lead':
      return actor.agencyId !== undefined && dossier.agencyIds.includes(actor.agencyId) ? 'personal' : 'none';
    case 'kiosk': // a desk rating device never reads dossiers
    case 'system':
      return 'none';
  }
}

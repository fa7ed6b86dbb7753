// Where a dossier may be handed in and who decides it (Decree 118/2025 Art. 14), for the pages' forms: the
// rule is the contract's (contract/reception-choices.ts, shared with the server-drawn first step of the
// wizard); the agencies come from the public directory (GET /api/agencies), read once per page life.
import type { AgencyPublic } from '../../../functions/src/contract/index.js';
import { api } from './api.js';

export {
  competentChoices,
  desksFor,
  inOperation,
  needsCompetentChoice,
  otherDesks,
  receivesAnywhere,
  type ReceptionProcedure,
} from '../../../functions/src/contract/reception-choices.js';

let directory: Promise<AgencyPublic[]> | undefined;

/** The province's agencies (public directory), fetched once per page life; a failure is retried next time. */
export function publicAgencies(): Promise<AgencyPublic[]> {
  directory ??= api('listAgencies', {})
    .then((answer) => answer.items)
    .catch((err: unknown) => {
      directory = undefined;
      throw err;
    });
  return directory;
}

// Production dependencies of the dossier handlers.
import { getCaller } from '../../platform/auth.js';
import { db } from '../../platform/firestore.js';
import type { DossierDeps } from './dossier-deps.js';

export function dossierDeps(): DossierDeps {
  return { db: db(), now: () => new Date(), caller: getCaller };
}

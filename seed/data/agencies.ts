// Demo agencies of the FICTIONAL province "tỉnh Bình An" (level-1 code H99, which no real province uses),
// read from seed/agencies.csv by the import's reader. Two-tier local government as from 01/07/2025
// (province and commune), plus one abolished district kept for the history of dossiers received under
// Decree 61/2018. Every person there is invented; phone numbers use the 0298 area code, which (as far as
// we know) no province uses.
import type { Agency } from '../../functions/src/domain/index.js';
import { readSeedAgencies } from '../catalogue.js';

export const demoAgencies: Agency[] = await readSeedAgencies();

// Demo procedures for the fictional province of Bình An, read from seed/procedures.csv (the national
// catalogue's columns plus the province's: English texts, the internal process, dates) by the import's
// reader. Names, durations, fees and documents follow the published national procedures as closely as a
// demo needs; the procedure CODES have the national format (`d.dddddd`) but are illustrative: match them
// against the national catalogue before any sync. Fees set by provincial councils use plausible amounts.
import type { Procedure } from '../../functions/src/domain/index.js';
import { readSeedProcedures } from '../catalogue.js';
import { demoAgencies } from './agencies.js';

export const demoProcedures: Procedure[] = await readSeedProcedures(demoAgencies);

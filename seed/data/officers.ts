// Demo accounts (Auth emulator only). Officers come from seed/officers.csv through the officers import,
// i.e. by invitation, as real ones do; the seed then stands in for each of them following the emailed
// link (seed/load.ts), so they all sign in with DEMO_PASSWORD. The citizen signs up by herself in real
// life; the seed creates her account. The kiosk is the rating device at the province service centre's desk.
import { readSeedOfficers } from '../catalogue.js';
import { demoAgencies } from './agencies.js';

export const DEMO_PASSWORD = 'motcua-demo';

export type DemoAccount = {
  email: string;
  displayName: string;
  role: 'citizen' | 'receptionist' | 'handler' | 'lead' | 'admin' | 'monitor' | 'kiosk';
  agencyId?: string;
};

/** The demo citizen: created by the seed with a fixed uid (citizens create their own accounts). */
export const DEMO_CITIZEN = { uid: 'demo-citizen', email: 'congdan@motcua.demo', displayName: 'Bùi Thị Mai', role: 'citizen' } as const;

export const demoOfficers: DemoAccount[] = (await readSeedOfficers(demoAgencies)).map(({ email, displayName, role, agencyId }) => ({ email, displayName, role, agencyId }));

export const demoAccounts: DemoAccount[] = [...demoOfficers, { email: DEMO_CITIZEN.email, displayName: DEMO_CITIZEN.displayName, role: DEMO_CITIZEN.role }];

// The province's communes and wards as a list to choose from (an address typed freely is misspelt in
// ways no officer can match): they are the commune-level agencies of the public directory (GET
// /api/agencies), each "Ủy ban nhân dân xã An Phú" giving the commune "Xã An Phú". Only those in operation
// today: a commune merged away is no longer an address.
import type { AgencyPublic } from '../../../functions/src/contract/index.js';
import { inOperation } from './reception.js';

const COMMITTEE = /^(?:Ủy|Uỷ) ban nhân dân\s+/iu;

/** "Ủy ban nhân dân phường Đông Thành" → "Phường Đông Thành"; a name without the prefix as it is. */
export function communeName(agencyName: string): string {
  const bare = agencyName.replace(COMMITTEE, '').trim();
  return bare.charAt(0).toLocaleUpperCase('vi') + bare.slice(1);
}

/** The commune names of the directory, in Vietnamese alphabetical order, each once. */
export function communesOf(agencies: readonly Pick<AgencyPublic, 'level' | 'name' | 'effectiveFrom' | 'effectiveTo'>[], now: Date): string[] {
  const names = new Set(agencies.filter((a) => a.level === 'commune' && inOperation(a, now)).map((a) => communeName(a.name.vi)));
  return [...names].sort((a, b) => a.localeCompare(b, 'vi'));
}

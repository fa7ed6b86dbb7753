// An agency as the public endpoints give it (GET /api/agencies, receivingAgencies of
// GET /api/procedures/:code; features/agencies): no account ids or emails, only what Decree 61 publishes.
import type { Bilingual } from './api.js';

export type WorkingHours = { periods: { start: string; end: string }[] };
export type PublishedOfficer = { fullName: string; title: string; field: string; phone: string };

export type AgencyPublic = {
  id: string;
  name: Bilingual;
  level: string;
  parentId?: string;
  address?: string;
  phone?: string;
  hasOneStopDesk: boolean;
  workingHours?: WorkingHours;
  officers: PublishedOfficer[];
  successorId?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
};

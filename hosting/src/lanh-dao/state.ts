// Who is signed in and what they may open here: leads, monitors and administrators read the dashboard;
// officers of an agency (desk, handler, lead) handle its feedback; the desk (receptionist, lead) keys in
// paper rating slips; monitors see the feedback lists without texts or senders.
import type { User } from 'firebase/auth';

export type Staff = { user: User; uid: string; role: string; agencyId: string | undefined; name: string };
export const session: { staff: Staff | undefined } = { staff: undefined };

export type Section = 'dashboard' | 'feedback' | 'slips';

export function sectionsFor(role: string | undefined): Section[] {
  switch (role) {
    case 'lead':
      return ['dashboard', 'feedback', 'slips'];
    case 'monitor':
    case 'admin':
      return ['dashboard', 'feedback'];
    case 'receptionist':
      return ['feedback', 'slips'];
    case 'handler':
      return ['feedback'];
    default:
      return [];
  }
}

export const SECTION_PATHS: Record<Section, string> = { dashboard: '/lanh-dao/', feedback: '/lanh-dao/phan-anh', slips: '/lanh-dao/phieu-danh-gia' };

export function sectionOfPath(path: string): Section {
  if (path.startsWith('/lanh-dao/phan-anh')) return 'feedback';
  if (path.startsWith('/lanh-dao/phieu-danh-gia')) return 'slips';
  return 'dashboard';
}

// Agency names for the dossier page, as far as they have been read (store.ts fills them once per page
// life: every dossier view names the same agencies). Before that, an agency is shown by its id.
import type { Bilingual } from '../shared/api.js';
import { t } from '../shared/i18n.js';

export const agencyNames = new Map<string, Bilingual>();

/** "Văn phòng Đăng ký đất đai (000.00.14.H99)" once the names are loaded; the id alone before. */
export const agencyLabel = (id: string): string => (agencyNames.has(id) ? `${t(agencyNames.get(id)!)} (${id})` : id);

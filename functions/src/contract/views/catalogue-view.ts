// The landing page's list of procedures (/): each a link to its page with its field, levels, processing
// time and online level, and the count line above. Drawn by the page (hosting/src/portal/view.ts) and
// printed by the server in the page it sends (features/catalog/portal-page.ts).
import type { ProcedureSummary } from '../catalog.js';
import { AGENCY_LEVEL_LABELS, ONLINE_LEVEL_LABELS } from '../facts.js';
import { el, type Translate, type ViewNode } from './node.js';

/** The list of `found` procedures. */
export function catalogueView(found: ProcedureSummary[], t: Translate): ViewNode {
  return el(
    'ul',
    { class: 'procedures' },
    ...found.map((p) => {
      const levels = (p.competentLevels ?? []).flatMap((l) => (l in AGENCY_LEVEL_LABELS ? [t(AGENCY_LEVEL_LABELS[l as keyof typeof AGENCY_LEVEL_LABELS])] : []));
      const online = ONLINE_LEVEL_LABELS[p.onlineLevel] ? t(ONLINE_LEVEL_LABELS[p.onlineLevel]) : null;
      return el(
        'li',
        { 'data-code': p.code },
        el('a', { href: `/thu-tuc/${encodeURIComponent(p.code)}` }, t(p.name)),
        el('p', { class: 'meta' }, [t(p.fieldName), ...levels, t(p.durationText), online].filter(Boolean).join(' · ')),
      );
    }),
  );
}

/** The line that counts them. */
export function catalogueCount(count: number, t: Translate): string {
  return count === 0
    ? t({ vi: 'Không tìm thấy thủ tục nào. Hãy thử từ khóa khác.', en: 'No procedure found. Try other words.' })
    : t({ vi: `Tìm thấy ${count} thủ tục`, en: `${count} procedure${count === 1 ? '' : 's'} found` });
}

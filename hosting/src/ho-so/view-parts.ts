// Words and dates every view of My dossiers writes the same way.
import { STATUS_INFO } from '../../../functions/src/contract/index.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { toDate } from '../shared/timestamps.js';
import type { Stamp, Status } from './store.js';

/** A document's time in Vietnam, or a dash. */
export const when = (value: Stamp): string => {
  const d = toDate(value);
  return d ? formatDateTime(d) : '—';
};

export const statusLabel = (status: Status): string => t(STATUS_INFO[status]?.label ?? { vi: status, en: status });

// Labels shared by the officer views. Status and action names come from the domain's zod-free label
// files, so the dashboard and the server never disagree on a name and the page does not carry zod.
import { ACTION_LABEL_TEXT as ACTION_LABELS } from '../../../functions/src/contract/index.js';
import { STATUS_INFO } from '../../../functions/src/contract/index.js';
import type { Bilingual } from '../shared/api.js';
import { t } from '../shared/i18n.js';

export type Status = keyof typeof STATUS_INFO;
export type ActionType = keyof typeof ACTION_LABELS;

export function statusLabel(status: string): string {
  const info = (STATUS_INFO as Record<string, { label: Bilingual } | undefined>)[status];
  return info ? t(info.label) : status;
}

/** Both languages at once, for messages that must be understood whatever the switch says. */
export function statusLabelBoth(status: string): string {
  const info = (STATUS_INFO as Record<string, { label: Bilingual } | undefined>)[status];
  return info ? `${info.label.vi} / ${info.label.en}` : status;
}

export function isFinal(status: string): boolean {
  return (STATUS_INFO as Record<string, { final: boolean } | undefined>)[status]?.final ?? false;
}

export function actionLabel(action: string): string {
  const label = (ACTION_LABELS as Record<string, Bilingual | undefined>)[action];
  return label ? t(label) : action;
}

/** Statuses in the order of the national portal codes (draft never reaches an officer's queue). */
export const QUEUE_STATUSES: readonly Status[] = (Object.keys(STATUS_INFO) as Status[])
  .filter((s) => STATUS_INFO[s].portalCode !== null)
  .sort((a, b) => (STATUS_INFO[a].portalCode ?? 0) - (STATUS_INFO[b].portalCode ?? 0));

export const ROLE_LABELS: Record<string, Bilingual> = {
  receptionist: { vi: 'Cán bộ tiếp nhận', en: 'Receptionist' },
  handler: { vi: 'Cán bộ thụ lý', en: 'Handler' },
  lead: { vi: 'Lãnh đạo', en: 'Lead' },
  admin: { vi: 'Quản trị', en: 'Administrator' },
  monitor: { vi: 'Giám sát', en: 'Monitor' },
  kiosk: { vi: 'Thiết bị tại quầy', en: 'Desk kiosk' },
};

export const CHANNEL_LABELS: Record<string, Bilingual> = {
  online: { vi: 'Trực tuyến', en: 'Online' },
  desk: { vi: 'Trực tiếp tại quầy', en: 'At the desk' },
  post: { vi: 'Bưu chính', en: 'By post' },
};


/** Short bilingual text built inline: `tx('Hạn', 'Due')`. */
export function tx(vi: string, en: string): string {
  return t({ vi, en });
}

const UNITS: Record<string, { vi: string; en: [string, string] }> = {
  workingDays: { vi: 'ngày làm việc', en: ['working day', 'working days'] },
  calendarDays: { vi: 'ngày', en: ['calendar day', 'calendar days'] },
  workingHours: { vi: 'giờ làm việc', en: ['working hour', 'working hours'] },
};

/** "3 ngày làm việc" / "3 working days": a step's time budget as the procedure states it. */
export function durationText(d: { value: number; unit: string }): string {
  const names = UNITS[d.unit];
  if (!names) return `${d.value} ${d.unit}`;
  return tx(`${String(d.value).replace('.', ',')} ${names.vi}`, `${d.value} ${names.en[d.value === 1 ? 0 : 1]}`);
}

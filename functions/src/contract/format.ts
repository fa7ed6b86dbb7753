// Dates and amounts the way a Vietnamese reader expects them, whatever the device's (or server's) zone and
// language. Shared by the pages and by the server when it renders a page's first view (platform/serve-pages.ts).
const VN_DATE_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const VN_DATE = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** "16:10 24/07/2026" in Vietnam time, whatever the device's zone. */
export function formatDateTime(iso: string | Date): string {
  return VN_DATE_TIME.format(typeof iso === 'string' ? new Date(iso) : iso);
}
export function formatDate(iso: string | Date): string {
  return VN_DATE.format(typeof iso === 'string' ? new Date(iso) : iso);
}

export function formatVnd(amount: number): string {
  return `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;
}

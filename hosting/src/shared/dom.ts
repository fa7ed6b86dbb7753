// A few DOM helpers so pages build elements without a framework (small bundles for slow phones).
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | null | EventListener>;

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

/**
 * `h('a', { href: '/x', class: 'link' }, 'text')`. Attributes named `on…` with a function become
 * listeners; `false`/`null`/`undefined` attributes are left out; children skip empty values.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

const VN_DATE_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const VN_DATE = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

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

/** A client request id for idempotent POSTs (docs/API.md): a retry reuses it. */
export function newRequestId(): string {
  return crypto.randomUUID();
}

// The province's branding (GET /api/branding, stored once in settings/branding) on every page: the
// province's name in headers and titles, the hotline, the logo. The pages' HTML names no province; this
// fills the elements marked `data-brand` — at once from the copy kept on the device, then from the API
// (one small, CDN-cached call that never holds up the first paint).
import type { BrandingView } from '../../../functions/src/contract/index.js';
import { api, type Bilingual } from './api.js';
import { lang } from './i18n.js';

const KEY = 'motcua.branding';
let current: BrandingView | undefined;

/** The branding last seen on this device (before the API answers), or undefined. */
export function brandingNow(): BrandingView | undefined {
  if (current) return current;
  try {
    const stored = localStorage.getItem(KEY);
    current = stored ? (JSON.parse(stored) as BrandingView) : undefined;
  } catch {
    current = undefined; // storage disabled, or a copy from an older page version
  }
  return current;
}

/** "tỉnh Bình An" as a name starting a sentence or an address line: "Tỉnh Bình An". */
export function provinceForAddress(): string {
  const name = brandingNow()?.provinceName?.vi ?? '';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The text of each kind of branded element, with and without a configured province. */
function textsOf(kind: string, b: BrandingView | undefined): Bilingual | undefined {
  const p = b?.provinceName;
  switch (kind) {
    case 'portal':
      return p ? { vi: `Cổng dịch vụ công ${p.vi}`, en: `${p.en} public service portal` } : { vi: 'Cổng dịch vụ công', en: 'Public service portal' };
    case 'province':
      return p ?? { vi: '', en: '' };
    case 'title-admin':
      return p ? { vi: `Quản trị hệ thống một cửa ${p.vi}`, en: `One-stop system administration, ${p.en}` } : { vi: 'Quản trị hệ thống một cửa', en: 'One-stop system administration' };
    case 'hotline':
      return b?.hotline ? { vi: `Đường dây nóng: ${b.hotline}`, en: `Hotline: ${b.hotline}` } : undefined;
    default:
      return undefined;
  }
}

function apply(b: BrandingView | undefined): void {
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-brand]'))) {
    const texts = textsOf(el.dataset.brand ?? '', b);
    el.hidden = texts === undefined || texts.vi === '';
    if (!texts) continue;
    // i18n.ts swaps [data-en] elements between their two texts when the language changes.
    el.dataset.vi = texts.vi;
    el.dataset.en = texts.en;
    el.textContent = lang() === 'en' ? texts.en : texts.vi;
  }
  for (const img of Array.from(document.querySelectorAll<HTMLImageElement>('img[data-brand-logo]'))) {
    img.hidden = !b?.logoUrl;
    if (b?.logoUrl) img.src = b.logoUrl;
  }
  const base = (document.documentElement.dataset.title ??= document.title);
  document.title = b?.provinceName ? `${base} — ${b.provinceName.vi}` : base;
}

/** Sets the page's title to `base`, followed by the province's name once the branding is known. */
export function setBrandedTitle(base: string): void {
  document.documentElement.dataset.title = base;
  const p = brandingNow()?.provinceName;
  document.title = p ? `${base} — ${p.vi}` : base;
}

/** Fills the page's branded elements now (device copy), then with `fresh` or the API's answer. */
export async function applyBranding(fresh?: BrandingView): Promise<void> {
  apply(brandingNow());
  try {
    const b = fresh ?? (await api('getBranding', {}));
    current = b;
    try {
      localStorage.setItem(KEY, JSON.stringify(b));
    } catch {
      // not kept; fetched again on the next page
    }
    apply(b);
  } catch {
    // offline or the API is down: the device copy (or the neutral wording) stays
  }
}

// Branding: what every page, slip and notification says of the province — its name (read inside a
// sentence: "tỉnh Bình An"), the place printed before a slip's date, the hotline, the public address
// (QR codes, notification and invitation links) and a logo (PNG or JPEG, at most 100 KB).
import { describeError } from '../shared/api.js';
import { applyBranding } from '../shared/branding.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { getBranding, saveBranding, type BrandingView } from './api.js';
import { checkbox, checked, done, field, showRefusal, summary, textInput, valueOf } from './form-kit.js';
import type { View, ViewContext } from './state.js';

const MAX_LOGO = 100 * 1024;

/** The file's bytes as base64 (FileReader gives a data URL; the part after the comma). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function mountBranding(root: HTMLElement, { admin }: ViewContext): View {
  const panel = h('section', { 'aria-live': 'polite' });
  root.append(h('h2', {}, t({ vi: 'Nhận diện của tỉnh', en: 'Province branding' })), panel);

  function draw(b: BrandingView): void {
    const logo = h('input', { type: 'file', accept: 'image/png,image/jpeg' });
    const form = h(
      'form',
      { novalidate: true, 'aria-labelledby': 'branding-title' },
      h('h3', { id: 'branding-title', class: 'visually-hidden' }, t({ vi: 'Sửa nhận diện', en: 'Edit the branding' })),
      summary(),
      field({ vi: 'Tên tỉnh, thành phố (tiếng Việt)', en: 'Province name (Vietnamese)' }, textInput(b.provinceName?.vi ?? ''), 'provinceName.vi', { vi: 'Đọc trong câu, ví dụ "tỉnh Bình An", "thành phố Hải Phòng".', en: 'Read inside a sentence, e.g. "tỉnh Bình An".' }),
      field({ vi: 'Tên tỉnh, thành phố (tiếng Anh)', en: 'Province name (English)' }, textInput(b.provinceName?.en ?? '', { lang: 'en' }), 'provinceName.en', { vi: 'Ví dụ "Bình An province".', en: 'e.g. "Bình An province".' }),
      field({ vi: 'Địa danh ghi trên phiếu', en: 'Place printed on slips' }, textInput(b.placeName ?? ''), 'placeName', { vi: 'In trước ngày ký: "Bình An, ngày … tháng … năm …".', en: 'Printed before the date: "Bình An, ngày …".' }),
      field({ vi: 'Đường dây nóng', en: 'Hotline' }, textInput(b.hotline ?? '', { type: 'tel' }), 'hotline'),
      field({ vi: 'Địa chỉ công khai của cổng', en: 'Public address of the portal' }, textInput(b.publicOrigin ?? '', { type: 'url', placeholder: 'https://dichvucong.binhan.gov.vn' }), 'publicOrigin', {
        vi: 'In trong mã QR trên phiếu và trong thông báo. Để trống: dùng địa chỉ khai báo khi triển khai (PUBLIC_ORIGIN).',
        en: 'Printed in slips’ QR codes and notifications. Empty: the address set at deploy (PUBLIC_ORIGIN).',
      }),
      b.logoUrl ? h('p', {}, h('img', { src: b.logoUrl, alt: t({ vi: 'Logo hiện tại', en: 'Current logo' }), class: 'logo-preview' })) : null,
      field({ vi: 'Logo mới (PNG hoặc JPEG, tối đa 100 KB)', en: 'New logo (PNG or JPEG, at most 100 KB)' }, logo, 'logo'),
      b.logoUrl ? checkbox({ vi: 'Bỏ logo', en: 'Remove the logo' }, false, 'removeLogo') : null,
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, t({ vi: 'Lưu nhận diện', en: 'Save the branding' }))),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const optional = (path: string) => valueOf(form, path) || undefined;
      const hotline = optional('hotline');
      const publicOrigin = optional('publicOrigin');
      const file = logo.files?.[0];
      try {
        if (file && file.size > MAX_LOGO) throw new Error('too big');
        const upload = file ? { contentType: file.type === 'image/jpeg' ? ('image/jpeg' as const) : ('image/png' as const), base64: await readBase64(file) } : undefined;
        const res = await saveBranding(
          admin.user,
          {
            provinceName: { vi: valueOf(form, 'provinceName.vi'), en: valueOf(form, 'provinceName.en') },
            placeName: valueOf(form, 'placeName'),
            ...(hotline ? { hotline } : {}),
            ...(publicOrigin ? { publicOrigin } : {}),
            ...(upload ? { logo: upload } : checked(form, 'removeLogo') ? { logo: null } : {}),
          },
          b.updateTime,
        );
        draw(res.branding);
        void applyBranding(res.branding);
        done(panel, { vi: 'Đã lưu; các trang, phiếu và thông báo dùng nhận diện mới.', en: 'Saved; pages, slips and notifications use the new branding.' });
      } catch (err) {
        if (err instanceof Error && err.message === 'too big') {
          showRefusal(form, undefined);
          const line = form.querySelector<HTMLElement>('[data-error-for="logo"]')!;
          line.textContent = t({ vi: 'Logo tối đa 100 KB.', en: 'The logo is at most 100 KB.' });
          line.hidden = false;
          logo.setAttribute('aria-invalid', 'true');
          logo.focus();
          return;
        }
        showRefusal(form, err);
      }
    });
    panel.replaceChildren(form);
  }

  void getBranding().then(draw, (err: unknown) => panel.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, t(describeError(err)))));
  return { unmount: () => undefined };
}

// My account, on My dossiers: how this session signed in, the email's verification (with a button to send
// the confirmation again), the identity VNeID verified, and the profile — name as on the ID, ID number,
// phone, address to the commune — kept only with the `profile` consent (view-privacy.ts).
import { sendEmailVerification, type User } from 'firebase/auth/web-extension';
import type { ProfileAnswer, ProfileBody } from '../../../functions/src/contract/index.js';
import { ApiCallError, describeError, type Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { clearFieldErrors, showFieldErrors } from '../shared/form-errors.js';
import { onLangChange, t } from '../shared/i18n.js';
import { displayPhone } from '../shared/phone.js';
import { apiAs } from '../shared/session.js';

const SIGN_IN_METHODS: Record<string, Bilingual> = {
  password: { vi: 'email và mật khẩu', en: 'email and password' },
  phone: { vi: 'số điện thoại', en: 'phone number' },
  'oidc.vneid': { vi: 'định danh điện tử VNeID', en: 'VNeID electronic identity' },
};

/** Server field paths → the inputs of the profile form. */
const INPUT_OF: Record<string, string> = {
  fullName: 'profile-fullName',
  idNumber: 'profile-idNumber',
  phone: 'profile-phone',
  'address.line': 'profile-line',
  'address.communeName': 'profile-commune',
  'address.provinceName': 'profile-province',
};

function input(id: string, label: Bilingual, value: string, attrs: Record<string, string | number | boolean> = {}): HTMLElement[] {
  return [h('label', { for: id }, t(label)), h('input', { id, name: id, value, maxlength: 100, ...attrs })];
}

export async function mountAccount(container: HTMLElement, user: User, onProfileChanged: (listener: () => void) => void): Promise<void> {
  let profile: ProfileAnswer | undefined;
  let note: { state: 'ok' | 'error'; text: Bilingual } | undefined;
  const load = async () => {
    try {
      profile = await apiAs(user, 'getProfile', {});
    } catch (err) {
      note = { state: 'error', text: describeError(err) };
    }
    render();
  };

  const render = () => {
    if (!profile) {
      container.replaceChildren(h('p', { class: 'status' }, t(note?.text ?? { vi: 'Đang tải tài khoản…', en: 'Loading your account…' })));
      return;
    }
    const p = profile.profile;
    const method = profile.signInMethod ? SIGN_IN_METHODS[profile.signInMethod] : undefined;
    const form = h(
      'form',
      { id: 'profile-form', class: 'panel', novalidate: true },
      h('h3', {}, t({ vi: 'Hồ sơ cá nhân (để điền sẵn khi nộp hồ sơ)', en: 'Profile (to pre-fill your applications)' })),
      profile.profileConsent
        ? null
        : h('p', { class: 'hint', id: 'profile-needs-consent' }, t({ vi: 'Để lưu hồ sơ cá nhân, hãy đồng ý ở mục “Dữ liệu cá nhân” bên dưới.', en: 'To keep a profile, agree under “Personal data” below.' })),
      ...input('profile-fullName', { vi: 'Họ và tên (như trên giấy tờ tùy thân)', en: 'Full name (as on your ID)' }, p?.fullName ?? profile.vneid?.fullName ?? '', { autocomplete: 'name' }),
      ...input('profile-idNumber', { vi: 'Số định danh cá nhân (12 chữ số)', en: 'Personal ID number (12 digits)' }, p?.idNumber ?? profile.vneid?.idNumber ?? '', { inputmode: 'numeric', maxlength: 12, readonly: profile.vneid !== null }),
      ...input('profile-phone', { vi: 'Số điện thoại di động', en: 'Mobile number' }, p?.phone ? displayPhone(p.phone) : '', { type: 'tel', autocomplete: 'tel', maxlength: 20 }),
      ...input('profile-line', { vi: 'Số nhà, đường, thôn/tổ', en: 'Street address' }, p?.address.line ?? '', { autocomplete: 'address-line1' }),
      ...input('profile-commune', { vi: 'Xã/phường', en: 'Commune or ward' }, p?.address.communeName ?? ''),
      ...input('profile-province', { vi: 'Tỉnh/thành phố', en: 'Province or city' }, p?.address.provinceName ?? 'Tỉnh Bình An'),
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'profile-save', disabled: !profile.profileConsent }, t({ vi: 'Lưu hồ sơ cá nhân', en: 'Save the profile' }))),
      note ? h('p', { class: 'status', role: 'status', id: 'profile-status', 'data-state': note.state }, t(note.text)) : null,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void save(form);
    });
    container.replaceChildren(
      h(
        'section',
        { 'aria-labelledby': 'account-title', id: 'account-section' },
        h('h2', { id: 'account-title' }, t({ vi: 'Tài khoản', en: 'Account' })),
        h(
          'dl',
          { class: 'account-facts' },
          h('dt', {}, t({ vi: 'Đăng nhập bằng', en: 'Signed in with' })),
          h('dd', { id: 'account-method' }, method ? t(method) : '—'),
          profile.email ? h('dt', {}, 'Email') : null,
          profile.email
            ? h(
                'dd',
                { id: 'account-email' },
                profile.email,
                ' ',
                profile.emailVerified
                  ? h('span', { class: 'ok' }, t({ vi: '(đã xác nhận)', en: '(confirmed)' }))
                  : h('span', {}, t({ vi: '(chưa xác nhận) ', en: '(not confirmed) ' }), h('button', { type: 'button', class: 'link', id: 'resend-verification', onclick: () => void resend() }, t({ vi: 'Gửi lại thư xác nhận', en: 'Send the confirmation email again' }))),
              )
            : null,
          profile.vneid ? h('dt', {}, t({ vi: 'Định danh điện tử', en: 'Electronic identity' })) : null,
          profile.vneid
            ? h('dd', { id: 'account-vneid' }, t({ vi: `Đã xác thực bằng VNeID: ${profile.vneid.idNumber} (${formatDateTime(profile.vneid.verifiedAt)})`, en: `Verified by VNeID: ${profile.vneid.idNumber} (${formatDateTime(profile.vneid.verifiedAt)})` }))
            : null,
        ),
        form,
      ),
    );
  };

  const resend = async () => {
    try {
      await sendEmailVerification(user, { url: `${location.origin}/dang-nhap/` });
      note = { state: 'ok', text: { vi: 'Đã gửi lại thư xác nhận.', en: 'Confirmation email sent again.' } };
    } catch (err) {
      note = { state: 'error', text: describeError(err) };
    }
    render();
  };

  const save = async (form: HTMLFormElement) => {
    const v = (id: string) => (form.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '').trim();
    const body: ProfileBody = {
      fullName: v('profile-fullName'),
      idNumber: v('profile-idNumber'),
      phone: v('profile-phone'),
      address: { line: v('profile-line'), communeName: v('profile-commune'), provinceName: v('profile-province') },
    };
    try {
      profile = await apiAs(user, 'putProfile', { body });
      note = { state: 'ok', text: { vi: 'Đã lưu hồ sơ cá nhân.', en: 'Profile saved.' } };
      render();
    } catch (err) {
      if (err instanceof ApiCallError && err.body?.error.fields.length) {
        showFieldErrors(form, err.body.error.fields.map((f) => ({ inputId: INPUT_OF[f.path] ?? 'profile-fullName', message: f.message })));
        return;
      }
      clearFieldErrors(form);
      note = { state: 'error', text: describeError(err) };
      render();
    }
  };

  onLangChange(render);
  onProfileChanged(() => void load());
  await load();
}

// Confirming a contact (?xn=<email|phone>.<token>): the first notice about a dossier to an address or
// phone nobody had confirmed links here. Nothing is confirmed by opening the page (mail scanners open
// links); the reader presses Confirm, and only then do the dossier's next notices go to that contact.
import type { ConfirmContactAnswer } from '../../../functions/src/contract/index.js';
import { api, describeError } from '../shared/api.js';

/** The `xn` of the address, when it has the shape of one. */
export const contactInUrl = ((): string | null => {
  const xn = new URLSearchParams(location.search).get('xn');
  return xn && /^(email|phone)\.[A-Za-z0-9_-]{22}$/.test(xn) ? xn : null;
})();

export function mountContactConfirmation(code: string, contact: string): void {
  const channel = contact.startsWith('email.') ? { vi: 'thư điện tử', en: 'email' } : { vi: 'tin nhắn điện thoại', en: 'text message' };
  const section = document.createElement('section');
  section.id = 'contact-confirm';
  section.setAttribute('aria-labelledby', 'contact-confirm-title');
  const title = document.createElement('h2');
  title.id = 'contact-confirm-title';
  title.textContent = 'Xác nhận nhận thông báo / Confirm notices';
  const text = document.createElement('p');
  text.textContent = `Nhận các thông báo tiếp theo về hồ sơ ${code} qua ${channel.vi} này? Nếu bạn không nộp hồ sơ này, đừng bấm: bạn sẽ không nhận thêm thông báo nào. / Receive the next notices about dossier ${code} by this ${channel.en}? If you did not file it, do not press: you will receive no more notices.`;
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'contact-confirm-button';
  button.textContent = 'Xác nhận / Confirm';
  const status = document.createElement('p');
  status.id = 'contact-confirm-status';
  status.setAttribute('role', 'status');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = 'Đang xác nhận… / Confirming…';
    try {
      const answer: ConfirmContactAnswer = await api('confirmContact', { body: { code, contact } });
      status.dataset.state = 'ok';
      status.textContent =
        answer.channel === 'email'
          ? 'Đã xác nhận: các thông báo tiếp theo sẽ gửi đến địa chỉ thư này. / Confirmed: the next notices will come to this email address.'
          : 'Đã xác nhận: các thông báo tiếp theo sẽ gửi đến số điện thoại này. / Confirmed: the next notices will come to this phone number.';
      button.remove();
    } catch (err) {
      const message = describeError(err);
      status.dataset.state = 'error';
      status.textContent = `${message.vi} / ${message.en}`;
      button.disabled = false;
    }
  });
  section.append(title, text, button, status);
  document.getElementById('result')?.before(section);
}

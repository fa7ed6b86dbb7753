// The "check connection" button shared by both apps: it proves Hosting → function → answer.
import { api, describeError } from './api.js';

export function mountHealthCheck(button: HTMLButtonElement, output: HTMLElement): void {
  button.addEventListener('click', async () => {
    button.disabled = true;
    output.textContent = 'Đang kiểm tra… / Checking…';
    output.dataset.state = 'pending';
    try {
      const health = await api('health', {});
      const time = new Date(health.serverTime).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
      output.textContent = `${health.message.vi} / ${health.message.en} (${time})`;
      output.dataset.state = 'ok';
    } catch (err) {
      const message = describeError(err);
      output.textContent = `${message.vi} / ${message.en}`;
      output.dataset.state = 'error';
    } finally {
      button.disabled = false;
    }
  });
}

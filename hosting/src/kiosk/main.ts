// Rate at the desk (Đánh giá tại quầy): the touch screen at the one-stop desk (Decree 61/2018 Art. 27–32).
// IT signs the device in once with its kiosk account (persisted); any other account is refused, so a
// rating is never sent from an officer's or a citizen's session. A citizen scans the receipt's QR code
// (or types the code), sees the procedure and status, rates, and the screen clears itself for the next.
// Wiring only:
//   state.ts         the device's account, the screen on show, the idle timer
//   device.ts        signing the kiosk account in and out, and refusing any other account
//   api.ts           the lookup and rating calls
//   scan.ts          what the code field accepts (QR address, full code, date and number)
//   citizen-turn.ts  a citizen's code looked up, then the rating checked and sent
//   view*.ts         the screens
import '../shared/style.css';
import './page.css';
import { applyBranding } from '../shared/branding.js';
import { mountLangSwitch, onLangChange } from '../shared/i18n.js';
import { watchDevice } from './device.js';
import { armIdle, connectScreens, kiosk } from './state.js';
import { render } from './view.js';

connectScreens({ render });
mountLangSwitch();
void applyBranding();
onLangChange(render);
// Any touch or key press counts as activity: a citizen still filling the form is not interrupted.
for (const type of ['pointerdown', 'keydown'] as const) document.addEventListener(type, armIdle, { capture: true, passive: true });

// A handheld scanner types wherever the focus is: on the start screen, send its keystrokes to the code
// field even after someone touched another button.
document.addEventListener('keydown', (event) => {
  if (kiosk.screen.kind !== 'start' || event.key.length !== 1 || event.ctrlKey || event.altKey || event.metaKey) return;
  const active = document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) return;
  document.getElementById('kiosk-code')?.focus();
});

render();
void watchDevice();

// Desk intake (receptionists): record a walk-in or postal application (POST /api/desk/dossiers) with the
// scans of its paper documents, then receive it and print the receipt (view-desk-receipt.ts). The form
// itself is desk-form.ts. Loaded on demand.
import { ApiCallError, describeError } from '../shared/api.js';
import { CodeStillPending } from '../shared/numbered.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { newRequestId } from '../shared/session.js';
import { recordAtDesk } from './api.js';
import { buildDeskForm } from './desk-form.js';
import { clearFieldErrors, showFieldErrors } from './forms.js';
import { tx } from './labels.js';
import type { ViewFactory } from './state.js';
import { readDeskProcedures } from './store.js';
import { showCreated, type Lifetime } from './view-desk-receipt.js';

export const mountDesk: ViewFactory = (root, ctx) => {
  let unmounted = false;
  const life: Lifetime = { timers: new Set(), unmounted: () => unmounted };
  // Reused on a retry of the same form; renewed after a success.
  let requestId = newRequestId();
  const { form, summary, showProcedures, read, remap, focusFirst } = buildDeskForm(ctx.officer.user);
  const result = h('div', { id: 'desk-result', role: 'status', 'aria-live': 'polite' });

  root.append(
    h(
      'section',
      { 'aria-labelledby': 'desk-title', class: 'desk-view' },
      h('h2', { id: 'desk-title' }, tx('Tiếp nhận hồ sơ tại quầy', 'Desk intake'), ' ', h('span', { class: 'en' }, ctx.officer.agencyId)),
      form,
      result,
    ),
  );

  // Alt+2 or "Nhập hồ sơ khác": the cursor waits in the first field (the ID-card scan).
  focusFirst();
  void (async () => {
    try {
      const procedures = await readDeskProcedures(ctx.officer.agencyId);
      if (unmounted) return;
      showProcedures(procedures);
    } catch {
      showProcedures(undefined);
    }
  })();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    result.replaceChildren();
    const sent = read(requestId);
    if ('errors' in sent) {
      showFieldErrors(form, sent.errors);
      return;
    }
    const button = form.querySelector<HTMLButtonElement>('#desk-submit')!;
    button.disabled = true;
    try {
      const created = await recordAtDesk(ctx.officer.user, sent.body, () => {
        result.textContent = t({ vi: 'Hồ sơ đã được ghi nhận, đang cấp mã hồ sơ…', en: 'The dossier is recorded; its code is being assigned…' });
      });
      requestId = newRequestId();
      form.hidden = true;
      showCreated(result, created, ctx, life);
    } catch (err) {
      result.replaceChildren();
      const body = err instanceof ApiCallError ? err.body : undefined;
      const fields = remap(body?.error.fields ?? [], sent.body.components);
      if (fields.length > 0) showFieldErrors(form, fields);
      summary.textContent = t(err instanceof CodeStillPending ? err.bilingual : describeError(err));
      summary.hidden = false;
    } finally {
      button.disabled = false;
    }
  });

  return {
    unmount: () => {
      unmounted = true;
      for (const timer of life.timers) clearTimeout(timer);
    },
  };
};

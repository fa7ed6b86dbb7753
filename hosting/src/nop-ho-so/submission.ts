// Sending the application: the POST /api/dossiers body built from the draft (keyed by the draft for
// idempotency, so "try again" never makes a second dossier), the outcome on the check page, and the
// confirmation with the dossier code once it is in.
import { describeError } from '../shared/api.js';
import { CodeStillPending } from '../shared/numbered.js';
import { byId, h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { dossierCodeWithCopy } from '../shared/dossier-code.js';
import { t } from '../shared/i18n.js';
import { deleteDraft } from './draft-lookup.js';
import { showServerFieldErrors } from './server-field-errors.js';
import { submitApplication } from './api.js';
import { filerBody, isOrganisation, organisationApplicant } from './representation.js';
import { code, competentNeeded, person, render, requestId, selectedComponents, wizard } from './state.js';
import type { SubmitDossierBody } from '../../../functions/src/contract/index.js';

function submissionBody(): SubmitDossierBody {
  const a = person();
  return {
    requestId: requestId(),
    procedureCode: code,
    // Earlier steps checked these; an empty value still gets the server's field error on its step.
    receivingAgencyId: wizard.state.receivingAgencyId ?? '',
    applicant: isOrganisation() ? organisationApplicant() : {
      kind: 'person',
      fullName: a.fullName ?? '',
      identity: { kind: 'citizenId', number: a.identity?.number ?? '' },
      phone: a.phone ?? '',
      ...(a.email ? { email: a.email } : {}),
      address: { line: a.address?.line ?? '', communeName: a.address?.communeName ?? '', provinceName: a.address?.provinceName ?? '' },
    },
    ...filerBody(),
    components: selectedComponents().map((s) => ({
      componentId: s.componentId,
      originals: s.originals,
      certifiedCopies: s.certifiedCopies,
      copies: s.copies,
      uploadIds: s.uploads.map((u) => u.uploadId),
    })),
    resultDelivery: wizard.state.resultDelivery ?? 'desk',
    // Decree 118 Art. 14: only when the chosen desk does not decide the procedure.
    ...(competentNeeded() && wizard.state.competentAgencyId ? { competentAgencyId: wizard.state.competentAgencyId } : {}),
  };
}

export async function submit(button: HTMLButtonElement): Promise<void> {
  const status = byId('submit-status');
  button.disabled = true;
  status.dataset.state = 'pending';
  status.textContent = t({ vi: 'Đang nộp hồ sơ…', en: 'Submitting…' });
  try {
    wizard.submitted = await submitApplication(wizard.user!, submissionBody(), () => {
      status.textContent = t({ vi: 'Hồ sơ đã được nhận, đang cấp mã hồ sơ…', en: 'The dossier is received; its code is being assigned…' });
    });
    if (wizard.draftId) await deleteDraft(wizard.draftId).catch(() => undefined);
    wizard.draftId = undefined;
    wizard.step = 'done';
    history.replaceState(null, '', location.pathname);
    render();
  } catch (err) {
    button.disabled = false;
    if (showServerFieldErrors(err)) return;
    status.dataset.state = 'error';
    status.textContent = `${t(err instanceof CodeStillPending ? err.bilingual : describeError(err))} ${t({ vi: 'Bấm “Nộp hồ sơ” để thử lại: hồ sơ sẽ không bị nộp hai lần.', en: 'Press “Submit” to try again: the application will not be sent twice.' })}`;
  }
}

export function doneView(): HTMLElement {
  const d = wizard.submitted!;
  const durationText = wizard.detail!.summary.durationText;
  return h(
    'section',
    { class: 'panel', id: 'submitted', 'aria-labelledby': 'done-title' },
    h('h2', { id: 'done-title', tabindex: '-1' }, t({ vi: 'Đã nộp hồ sơ', en: 'Application submitted' })),
    h('p', {}, t({ vi: 'Mã hồ sơ của bạn:', en: 'Your dossier code:' })),
    h('p', {}, dossierCodeWithCopy(d.code ?? '', { testId: 'dossier-code', big: true })),
    d.dueAt
      ? h('p', { 'data-testid': 'due' }, t({ vi: `Ngày hẹn trả kết quả: ${formatDateTime(d.dueAt)}`, en: `Result due: ${formatDateTime(d.dueAt)}` }), d.dueExplanation ? h('span', { class: 'hint' }, ` ${t(d.dueExplanation)}`) : null)
      : h(
          'p',
          { 'data-testid': 'due' },
          t({
            vi: `Bộ phận Một cửa sẽ kiểm tra hồ sơ. Khi hồ sơ được tiếp nhận, ngày hẹn trả kết quả được tính (thời hạn giải quyết: ${durationText.vi}) và gửi cho bạn.`,
            en: `The one-stop desk will check the dossier. Once it is received, the result date is set (processing time: ${durationText.en}) and sent to you.`,
          }),
        ),
    h('p', {}, h('a', { href: `/ho-so/${encodeURIComponent(d.id)}`, id: 'dossier-link' }, t({ vi: 'Xem hồ sơ và theo dõi tiến độ', en: 'View the dossier and follow its progress' }))),
    h('p', {}, h('a', { href: '/ho-so/' }, t({ vi: 'Tất cả hồ sơ của tôi', en: 'All my dossiers' }))),
  );
}

// Step 4, how the result reaches the citizen, and the check-your-answers page: every answer with a
// "change" link that leads to its step and back here, and the button that submits.
import type { Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { displayPhone } from '../shared/phone.js';
import { feeBlock } from '../shared/fee.js';
import { afterStep, heading, progressLine, stepForm } from './step-form.js';
import { submit } from './submission.js';
import { isOrganisation, representationRows } from './representation.js';
import { competentNeeded, desks, go, paperless, person, readCurrentStep, saveLine, selectedComponents, STEP_TITLES, wizard, type Step } from './state.js';

const DELIVERY: Record<'desk' | 'post' | 'online', { label: Bilingual; hint: Bilingual }> = {
  desk: { label: { vi: 'Nhận trực tiếp tại Bộ phận Một cửa', en: 'Collect it at the one-stop desk' }, hint: { vi: 'Mang theo giấy tờ tùy thân khi đến nhận.', en: 'Bring your identity document.' } },
  post: { label: { vi: 'Nhận qua dịch vụ bưu chính', en: 'By post' }, hint: { vi: 'Gửi đến địa chỉ bạn đã khai; có thể mất cước.', en: 'Sent to the address you gave; postage may apply.' } },
  online: { label: { vi: 'Nhận bản điện tử trực tuyến', en: 'Online, as an electronic copy' }, hint: { vi: 'Tải về tại mục Hồ sơ của tôi.', en: 'Download it from My dossiers.' } },
};

export function deliveryStep(): HTMLElement {
  const options = (['desk', 'post', 'online'] as const).map((key) =>
    h(
      'label',
      { class: 'choice', for: `delivery-${key}` },
      h('input', { type: 'radio', name: 'delivery', id: `delivery-${key}`, value: key, checked: wizard.state.resultDelivery === key }),
      h('span', {}, t(DELIVERY[key].label), h('small', {}, t(DELIVERY[key].hint))),
    ),
  );
  return stepForm(
    'delivery',
    [h('fieldset', {}, h('legend', {}, t({ vi: 'Bạn muốn nhận kết quả bằng cách nào?', en: 'How do you want to receive the result?' })), ...options)],
    () => {
      readCurrentStep();
      afterStep('delivery', wizard.state.resultDelivery ? [] : [{ inputId: 'delivery-desk', message: { vi: 'Chọn cách nhận kết quả', en: 'Choose how to receive the result' } }], 'check');
    },
    () => go('documents'),
  );
}

export function readDelivery(): void {
  const checked = document.querySelector<HTMLInputElement>('input[name="delivery"]:checked');
  if (checked) wizard.state.resultDelivery = checked.value as 'desk' | 'post' | 'online';
}

function changeLink(target: Step, what: Bilingual): HTMLElement {
  return h(
    'a',
    {
      href: `#${target}`,
      class: 'change',
      onclick: (e: Event) => {
        e.preventDefault();
        wizard.returnToCheck = true;
        go(target, { save: false });
      },
    },
    t({ vi: 'Thay đổi', en: 'Change' }),
    h('span', { class: 'visually-hidden' }, ` ${t(what).toLowerCase()}`),
  );
}

function summaryRow(term: Bilingual, value: string | HTMLElement, target: Step, testId: string): HTMLElement[] {
  return [h('dt', {}, t(term)), h('dd', { 'data-testid': testId }, value), h('dd', { class: 'change-cell' }, changeLink(target, term))];
}

export function checkStep(): HTMLElement {
  const { detail, state } = wizard;
  const a = person();
  const agency = desks().find((x) => x.id === state.receivingAgencyId);
  const competent = competentNeeded() ? wizard.agencies.find((x) => x.id === state.competentAgencyId) : undefined;
  const docs = h(
    'ul',
    {},
    ...selectedComponents().map((s) => {
      const c = detail!.procedure.components.find((x) => x.id === s.componentId)!;
      const counts = [
        s.originals ? t({ vi: `${s.originals} bản chính`, en: `${s.originals} original(s)` }) : '',
        s.certifiedCopies ? t({ vi: `${s.certifiedCopies} bản sao chứng thực`, en: `${s.certifiedCopies} certified cop(ies)` }) : '',
        s.copies ? t({ vi: `${s.copies} bản sao`, en: `${s.copies} cop(ies)` }) : '',
      ].filter(Boolean);
      const files = s.uploads.map((u) => u.fileName).join(', ') || t({ vi: 'chưa có tệp', en: 'no file' });
      // A fully online procedure has no paper: only the files are listed.
      return h('li', {}, h('strong', {}, t(c.name)), paperless() ? ` — ${files}` : ` — ${counts.join(', ')}; ${files}`);
    }),
  );
  const address = [a.address?.line, a.address?.communeName, a.address?.provinceName].filter(Boolean).join(', ');
  const list = h(
    'dl',
    { class: 'check' },
    ...summaryRow({ vi: 'Nơi nộp', en: 'Submitted to' }, agency ? t(agency.name) : '—', 'agency', 'check-agency'),
    ...(competent ? summaryRow({ vi: 'Cơ quan giải quyết', en: 'Deciding agency' }, t(competent.name), 'agency', 'check-competent') : []),
    // An organisation, or the person (and a filer, if any): representation.ts.
    ...(isOrganisation()
      ? representationRows((term, value, testId) => summaryRow(term, value, 'applicant', testId))
      : [
        ...summaryRow({ vi: 'Họ và tên', en: 'Full name' }, a.fullName ?? '', 'applicant', 'check-name'),
        ...summaryRow({ vi: 'Số căn cước công dân', en: 'Citizen identity number' }, a.identity?.number ?? '', 'applicant', 'check-id'),
        ...summaryRow({ vi: 'Số điện thoại', en: 'Mobile number' }, displayPhone(a.phone ?? ''), 'applicant', 'check-phone'),
        ...summaryRow({ vi: 'Email', en: 'Email' }, a.email || '—', 'applicant', 'check-email'),
        ...summaryRow({ vi: 'Nơi cư trú', en: 'Address' }, address, 'applicant', 'check-address'),
          ...representationRows((term, value, testId) => summaryRow(term, value, 'applicant', testId)),
        ]),
    ...summaryRow({ vi: 'Giấy tờ', en: 'Documents' }, docs, 'documents', 'check-documents'),
    ...summaryRow({ vi: 'Nhận kết quả', en: 'Result delivery' }, state.resultDelivery ? t(DELIVERY[state.resultDelivery].label) : '—', 'delivery', 'check-delivery'),
  );
  const fees = feeBlock(detail!.procedure.fees, 'check-fee');
  const submitButton = h('button', { type: 'submit', id: 'submit' }, t({ vi: 'Nộp hồ sơ', en: 'Submit the application' }));
  const form = h(
    'form',
    { id: 'step-check', novalidate: true },
    progressLine('check'),
    heading(t(STEP_TITLES.check)),
    h('p', {}, t(detail!.procedure.name)),
    list,
    fees,
    h('p', {}, t({ vi: 'Bằng việc nộp hồ sơ, bạn cam đoan thông tin đã khai là đúng sự thật.', en: 'By submitting you declare that the information you gave is true.' })),
    h('div', { class: 'actions' }, submitButton, h('button', { type: 'button', class: 'secondary', id: 'back', onclick: () => go('delivery') }, t({ vi: 'Quay lại', en: 'Back' }))),
    h('p', { id: 'submit-status', class: 'status', role: 'status' }),
    saveLine(),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(submitButton);
  });
  return form;
}

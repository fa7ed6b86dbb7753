// The application wizard's first views (/nop-ho-so/<code>), as plain trees: the server prints them into
// the page (features/dossiers/apply-page.ts: step 1 for anyone, or the draft offered to a citizen with a
// page session), so a cheap phone shows the first question with the HTML, and the page's script draws the
// same trees again once it runs (issue 20).
// What is drawn here: the frame of every question page, the first question (where to submit, Decree
// 118/2025 Art. 14, with the fees), the line naming who is signed in, and the offer to carry on a draft.
// A step's form has no action: sent before the script has arrived (a tap on "Tiếp tục"), the browser
// reloads the same address with the answers in the query, and the server draws them again.
import type { Bilingual } from '../../domain/shared/bilingual.js';
import type { AgencyPublic, ProcedureDetail } from '../catalog.js';
import { competentChoices, desksFor, needsCompetentChoice } from '../reception-choices.js';
import { feeView } from './fee-view.js';
import { el, type Translate, type ViewChild, type ViewNode } from './node.js';

export type ApplyStep = 'agency' | 'applicant' | 'documents' | 'delivery' | 'check';

export const APPLY_STEPS: ApplyStep[] = ['agency', 'applicant', 'documents', 'delivery', 'check'];
export const APPLY_STEP_TITLES: Record<ApplyStep, Bilingual> = {
  agency: { vi: 'Nơi nộp hồ sơ', en: 'Where to submit' },
  applicant: { vi: 'Thông tin người nộp', en: 'About you' },
  documents: { vi: 'Giấy tờ trong hồ sơ', en: 'Your documents' },
  delivery: { vi: 'Nhận kết quả', en: 'Receiving the result' },
  check: { vi: 'Kiểm tra thông tin trước khi nộp', en: 'Check your answers before submitting' },
};

/**
 * A question page: step count, focusable heading, the body, Continue (or "save and return" after a
 * "change" link on the check page), Back when there is a step before, "save and come back later", and the
 * line that says when the draft was saved.
 */
export function stepFrameView(
  step: ApplyStep,
  body: ViewChild[],
  opts: { back: boolean; returnToCheck: boolean; saveText?: string },
  t: Translate,
): ViewNode {
  const index = APPLY_STEPS.indexOf(step) + 1;
  const total = APPLY_STEPS.length;
  return el(
    'form',
    { id: `step-${step}`, novalidate: '' },
    el('p', { class: 'step-count' }, t({ vi: `Bước ${index}/${total}`, en: `Step ${index} of ${total}` })),
    el('h2', { id: 'step-title', tabindex: '-1' }, t(APPLY_STEP_TITLES[step])),
    ...body,
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'submit', id: 'next' }, t(opts.returnToCheck ? { vi: 'Lưu và quay lại trang kiểm tra', en: 'Save and return to the check page' } : { vi: 'Tiếp tục', en: 'Continue' })),
      opts.back ? el('button', { type: 'button', class: 'secondary', id: 'back' }, t({ vi: 'Quay lại', en: 'Back' })) : null,
      el('button', { type: 'button', class: 'link', id: 'save-later' }, t({ vi: 'Lưu nháp, làm tiếp sau', en: 'Save and come back later' })),
    ),
    el('p', { id: 'save-status', class: 'status', role: 'status' }, opts.saveText ?? ''),
  );
}

/** What the first question needs: the procedure, the desks that receive it, the directory, the answers so far. */
export type AgencyStepInput = {
  detail: Pick<ProcedureDetail, 'procedure' | 'receivingAgencies'>;
  /** The province's public directory (other desks, Art. 14, and the agencies that may be named competent). */
  directory: readonly AgencyPublic[];
  receivingAgencyId?: string;
  competentAgencyId?: string;
  now: Date;
};

/** The desks offered: the procedure's own first, then every other desk of the province where Art. 14 allows. */
export const desksOffered = (input: Pick<AgencyStepInput, 'detail' | 'directory' | 'now'>): AgencyPublic[] =>
  desksFor(input.detail.procedure, input.detail.receivingAgencies, input.directory, input.now);

/** Whether the desk chosen (by id) does not decide the procedure, so the applicant names the agency that will. */
export function competentNeededAt(input: Pick<AgencyStepInput, 'detail' | 'directory' | 'now'>, receivingAgencyId: string | undefined): boolean {
  const desk = desksOffered(input).find((a) => a.id === receivingAgencyId);
  return needsCompetentChoice(input.detail.procedure, desk?.level);
}

function agencyChoice(a: AgencyPublic, i: number, chosen: string | undefined, t: Translate): ViewNode {
  return el(
    'label',
    { class: 'choice', for: `agency-${i}` },
    el('input', { type: 'radio', name: 'agency', id: `agency-${i}`, value: a.id, checked: chosen === a.id ? '' : undefined }),
    el('span', {}, t(a.name), a.address ? el('small', {}, a.address) : null),
  );
}

/** Step 1's body: the fees, the desks to choose from, and (shown when it applies) the competent agency. */
export function agencyStepBody(input: AgencyStepInput, t: Translate): ViewNode[] {
  const own = input.detail.receivingAgencies;
  const others = desksOffered(input).slice(own.length);
  const fieldset = el(
    'fieldset',
    { id: 'agency-choice' },
    el('legend', {}, t({ vi: 'Chọn nơi tiếp nhận hồ sơ', en: 'Choose the office that receives your dossier' })),
    ...own.map((a, i) => agencyChoice(a, i, input.receivingAgencyId, t)),
    ...(others.length > 0
      ? [
          el(
            'p',
            { class: 'hint other-desks' },
            t({
              vi: 'Hoặc nộp tại Bộ phận Một cửa khác trong tỉnh (Điều 14 Nghị định 118/2025), không phụ thuộc nơi cư trú:',
              en: 'Or apply at another one-stop desk of the province (Decree 118/2025 Art. 14), wherever you live:',
            }),
          ),
          ...others.map((a, i) => agencyChoice(a, own.length + i, input.receivingAgencyId, t)),
        ]
      : []),
  );
  const choices = competentChoices(input.directory, input.detail.procedure, input.now);
  const competent = el(
    'div',
    { id: 'competent-block', hidden: competentNeededAt(input, input.receivingAgencyId) ? undefined : '' },
    el('label', { for: 'competentAgencyId' }, t({ vi: 'Cơ quan có thẩm quyền giải quyết hồ sơ', en: 'Agency that will decide your dossier' })),
    el(
      'p',
      { class: 'hint', id: 'competentAgencyId-hint' },
      t({
        vi: 'Nơi bạn chọn không giải quyết thủ tục này: chọn xã, phường sẽ giải quyết hồ sơ (thường là nơi có đất hoặc nơi bạn cư trú). Hồ sơ được chuyển đến đó và kết quả được trả tại nơi bạn nộp.',
        en: 'The office you chose does not decide this procedure: choose the commune or ward that will (usually where the land is, or where you live). The dossier is sent there and the result comes back to where you applied.',
      }),
    ),
    el(
      'select',
      { id: 'competentAgencyId', name: 'competentAgencyId', 'aria-describedby': 'competentAgencyId-hint' },
      el('option', { value: '' }, t({ vi: '— Chọn cơ quan —', en: '— Choose an agency —' })),
      ...choices.map((a) => el('option', { value: a.id, selected: input.competentAgencyId === a.id ? '' : undefined }, t(a.name))),
    ),
  );
  // What it costs and how it is paid, before the citizen starts.
  return [feeView(input.detail.procedure.fees, 'wizard-fee', t), fieldset, competent];
}

/**
 * The procedure (a link back to its page) and who is signed in, with the way out, above every view; for
 * a page drawn before anyone is known (`who` undefined), that signing in comes next and keeps the answers.
 */
export function applyIntroView(name: Bilingual, code: string, who: string | undefined, t: Translate): ViewNode {
  return el(
    'div',
    { class: 'intro' },
    el('p', { class: 'procedure-name' }, el('a', { href: `/thu-tuc/${encodeURIComponent(code)}` }, t(name))),
    who === undefined
      ? el(
          'p',
          { class: 'who' },
          t({
            vi: 'Để nộp, bạn đăng nhập bằng tài khoản công dân; lựa chọn ở bước này được giữ lại.',
            en: 'To apply you sign in with your citizen account; what you choose here is kept.',
          }),
        )
      : el(
          'p',
          { class: 'who' },
          t({ vi: `Đăng nhập: ${who}`, en: `Signed in as ${who}` }),
          ' ',
          el('button', { type: 'button', class: 'link', id: 'sign-out' }, t({ vi: 'Đăng xuất', en: 'Sign out' })),
        ),
  );
}

/** Coming back to an unfinished application: carry on with the draft saved at `savedAt`, or start again. */
export function resumeDraftView(savedAt: string, t: Translate): ViewNode {
  return el(
    'section',
    { class: 'panel note', id: 'resume', 'aria-labelledby': 'resume-title' },
    el('h2', { id: 'resume-title', tabindex: '-1' }, t({ vi: 'Bạn có hồ sơ nháp chưa nộp', en: 'You have an unfinished application' })),
    el('p', {}, t({ vi: `Lưu lần cuối lúc ${savedAt}.`, en: `Last saved at ${savedAt}.` })),
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'button', id: 'resume-draft' }, t({ vi: 'Tiếp tục hồ sơ nháp', en: 'Continue the draft' })),
      el('button', { type: 'button', class: 'secondary', id: 'start-over' }, t({ vi: 'Bỏ nháp, làm lại từ đầu', en: 'Discard it and start again' })),
    ),
  );
}

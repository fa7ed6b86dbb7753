// Coming back to an unfinished application: the choice between carrying on with the saved draft (at
// the first step that still needs an answer) and discarding it to start again.
import { h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { agencyProblems, applicantProblems } from './agency-applicant-steps.js';
import { documentProblems } from './documents-step.js';
import { deleteDraft } from './draft-lookup.js';
import { go, wizard, type Step } from './state.js';

function firstIncomplete(): Step {
  const { state } = wizard;
  if (agencyProblems().length) return 'agency';
  if (applicantProblems().length) return 'applicant';
  if (documentProblems().length) return 'documents';
  if (!state.resultDelivery) return 'delivery';
  return 'check';
}

export function resumeView(): HTMLElement {
  const stored = wizard.stored;
  const when = stored?.updatedAt ? formatDateTime(stored.updatedAt) : '';
  return h(
    'section',
    { class: 'panel note', id: 'resume', 'aria-labelledby': 'resume-title' },
    h('h2', { id: 'resume-title', tabindex: '-1' }, t({ vi: 'Bạn có hồ sơ nháp chưa nộp', en: 'You have an unfinished application' })),
    h('p', {}, t({ vi: `Lưu lần cuối lúc ${when}.`, en: `Last saved at ${when}.` })),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          id: 'resume-draft',
          onclick: () => {
            const draft = wizard.stored!;
            wizard.state = { receivingAgencyId: draft.receivingAgencyId, competentAgencyId: draft.competentAgencyId, applicant: draft.applicant, components: draft.components, resultDelivery: draft.resultDelivery };
            wizard.draftId = draft.id;
            wizard.savedAt = draft.updatedAt ?? undefined;
            go(firstIncomplete(), { save: false });
          },
        },
        t({ vi: 'Tiếp tục hồ sơ nháp', en: 'Continue the draft' }),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          id: 'start-over',
          onclick: () => {
            void deleteDraft(wizard.stored!.id).catch(() => undefined);
            wizard.stored = undefined;
            wizard.state = {};
            go('agency', { save: false });
          },
        },
        t({ vi: 'Bỏ nháp, làm lại từ đầu', en: 'Discard it and start again' }),
      ),
    ),
  );
}

// Coming back to an unfinished application: the choice between carrying on with the saved draft (at
// the first step that still needs an answer) and discarding it to start again.
import { resumeDraftView } from '../../../functions/src/contract/views/apply-view.js';
import { toDom } from '../shared/view-dom.js';
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
  const view = toDom(resumeDraftView(stored?.updatedAt ? formatDateTime(stored.updatedAt) : '', t)) as HTMLElement;
  view.querySelector('#resume-draft')!.addEventListener('click', () => {
    const draft = wizard.stored!;
    wizard.state = { receivingAgencyId: draft.receivingAgencyId, competentAgencyId: draft.competentAgencyId, applicant: draft.applicant, components: draft.components, resultDelivery: draft.resultDelivery };
    wizard.draftId = draft.id;
    wizard.savedAt = draft.updatedAt ?? undefined;
    go(firstIncomplete(), { save: false });
  });
  view.querySelector('#start-over')!.addEventListener('click', () => {
    void deleteDraft(wizard.stored!.id).catch(() => undefined);
    wizard.stored = undefined;
    wizard.state = {};
    go('agency', { save: false });
  });
  return view;
}

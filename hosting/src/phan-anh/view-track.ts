// The sender's own page (the link with its token): where the case stands, its deadlines, the question the
// agency asked (and a box to answer it), the answer, and the question whether it satisfied them.
import { describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { call, type FeedbackTrackView } from './api.js';

export async function renderTrack(target: HTMLElement, id: string, token: string): Promise<void> {
  target.replaceChildren(h('p', { class: 'status', role: 'status' }, t({ vi: 'Đang tải…', en: 'Loading…' })));
  try {
    const { feedback } = await call('trackFeedback', { params: { feedbackId: id }, query: { t: token } });
    show(target, feedback, token);
  } catch (err) {
    target.replaceChildren(h('p', { role: 'alert' }, t(describeError(err))));
  }
}

function show(target: HTMLElement, f: FeedbackTrackView, token: string): void {
  const output = h('p', { id: 'track-output', class: 'status', role: 'status' });
  const senderStep = (action: { type: 'supplyInfo'; info: string } | { type: 'rate'; satisfied: boolean }) =>
    call('senderFeedbackAction', { params: { feedbackId: f.id }, body: { requestId: crypto.randomUUID(), token, action } }).then(
      ({ feedback }) => {
        show(target, feedback, token);
        target.querySelector('#track-output')!.textContent = t({ vi: 'Cảm ơn bạn.', en: 'Thank you.' });
      },
      (err: unknown) => (output.textContent = t(describeError(err))),
    );
  const info = h('textarea', { id: 'info-text', rows: 3 });
  target.replaceChildren(
    h('section', { id: 'track', 'aria-labelledby': 'track-title' },
      h('h2', { id: 'track-title' }, f.subject),
      h('p', { id: 'track-status' }, `${t({ vi: 'Trạng thái', en: 'Status' })}: ${t(f.statusLabel)}`),
      h('p', {}, `${t({ vi: 'Tiếp nhận', en: 'Received' })}: ${formatDateTime(f.receivedAt)} · ${t({ vi: 'Hạn trả lời', en: 'Answer due by' })}: ${formatDateTime(f.deadlines.answerBy)}`),
      f.refusalReason ? h('p', {}, `${t({ vi: 'Không tiếp nhận xử lý. Lý do', en: 'Not accepted. Reason' })}: ${f.refusalReason}`) : '',
      f.infoQuestion
        ? h('form', { id: 'info-form', onsubmit: (e: Event) => (e.preventDefault(), void senderStep({ type: 'supplyInfo', info: info.value.trim() })) },
            h('p', {}, `${t({ vi: 'Cơ quan đề nghị bổ sung', en: 'The agency asks' })}: ${f.infoQuestion}`),
            h('p', {}, h('label', { for: 'info-text' }, t({ vi: 'Thông tin bổ sung', en: 'Your information' })), info),
            h('button', { type: 'submit' }, t({ vi: 'Gửi', en: 'Send' })))
        : '',
      f.answer ? h('p', { id: 'track-answer' }, `${t({ vi: 'Trả lời', en: 'Answer' })}: ${f.answer}`) : '',
      f.answer && !f.rated
        ? h('p', { id: 'rate-answer' }, t({ vi: 'Bạn có hài lòng với câu trả lời? ', en: 'Are you satisfied with the answer? ' }),
            h('button', { type: 'button', onclick: () => void senderStep({ type: 'rate', satisfied: true }) }, t({ vi: 'Hài lòng', en: 'Satisfied' })), ' ',
            h('button', { type: 'button', class: 'secondary', onclick: () => void senderStep({ type: 'rate', satisfied: false }) }, t({ vi: 'Không hài lòng', en: 'Not satisfied' })))
        : '',
      output,
    ),
  );
}

// The public page of answers: every published question and answer, newest first, without personal data.
import { FEEDBACK_CATEGORY_LABELS } from '../../../functions/src/contract/index.js';
import { describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { formatDate } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { call, type PublicFeedbackAnswer } from './api.js';

export async function renderAnswers(target: HTMLElement, after?: string, shown: PublicFeedbackAnswer[] = []): Promise<void> {
  const status = h('p', { id: 'answers-status', class: 'status', role: 'status' }, t({ vi: 'Đang tải…', en: 'Loading…' }));
  const section = h('section', { id: 'answers', 'aria-labelledby': 'answers-title' }, h('h2', { id: 'answers-title' }, t({ vi: 'Các câu trả lời đã công khai', en: 'Published answers' })), status);
  target.replaceChildren(section);
  try {
    const page = await call('publicFeedbackAnswers', { query: after ? { after } : {} });
    const items = [...shown, ...page.items];
    status.textContent = items.length === 0 ? t({ vi: 'Chưa có câu trả lời nào được công khai.', en: 'No answer has been published yet.' }) : t({ vi: `${items.length} câu trả lời`, en: `${items.length} answers` });
    section.append(
      h('ul', { class: 'answers' }, ...items.map((a) =>
        h('li', { 'data-answer': a.id },
          h('h3', {}, `${t(FEEDBACK_CATEGORY_LABELS[a.category])} — ${a.agencyName ? t(a.agencyName) : a.agencyId}`),
          h('p', {}, h('strong', {}, t({ vi: 'Phản ánh: ', en: 'Feedback: ' })), a.question),
          h('p', {}, h('strong', {}, t({ vi: 'Trả lời: ', en: 'Answer: ' })), a.answer),
          h('p', { class: 'hint' }, t({ vi: `Tiếp nhận ${formatDate(a.receivedAt)}, công khai ${formatDate(a.publishedAt)}`, en: `Received ${formatDate(a.receivedAt)}, published ${formatDate(a.publishedAt)}` })),
        ))),
      page.next ? h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => void renderAnswers(target, page.next!, items) }, t({ vi: 'Xem thêm', en: 'More' }))) : '',
    );
  } catch (err) {
    status.textContent = t(describeError(err));
  }
}

// The dossier's official slips (receipt, supplement request, refusal, apology, control slip): one
// button each that fetches the PDF with the citizen's token, opens it and saves a copy.
import { describeError } from '../shared/api.js';
import { slipLabel } from '../shared/slips.js';
import { h } from '../shared/dom.js';
import { saveBlob } from '../shared/download.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { fetchSlip, type Slip } from './api.js';
import { dossierId, page } from './state.js';


async function openSlip(slip: Slip, output: HTMLElement): Promise<void> {
  output.dataset.state = 'pending';
  output.textContent = t({ vi: 'Đang tải phiếu…', en: 'Downloading the slip…' });
  try {
    const blob = await fetchSlip(page.user!, dossierId, slip.id);
    const url = URL.createObjectURL(blob);
    const opened = window.open(url, '_blank', 'noopener');
    if (!opened) saveBlob(blob, `${page.current?.code ?? dossierId}-${slip.id}.pdf`);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    output.dataset.state = 'ok';
    output.textContent = t({ vi: `Đã tải phiếu (${Math.ceil(blob.size / 1024)} KB).`, en: `Slip downloaded (${Math.ceil(blob.size / 1024)} KB).` });
  } catch (err) {
    output.dataset.state = 'error';
    output.textContent = t(describeError(err));
  }
}

export function slipsSection(): HTMLElement | null {
  const slips = page.answer?.slips ?? [];
  if (slips.length === 0) return null;
  const output = h('p', { id: 'slip-status', class: 'status', role: 'status' });
  return h(
    'section',
    { 'aria-labelledby': 'slips-title' },
    h('h2', { id: 'slips-title' }, t({ vi: 'Phiếu, giấy tờ của hồ sơ', en: 'Official slips' })),
    h(
      'ul',
      { id: 'slips' },
      ...slips.map((s) =>
        h(
          'li',
          {},
          h('button', { type: 'button', class: 'secondary', 'data-slip': s.id, onclick: () => void openSlip(s, output) }, t(slipLabel(page.answer?.dossier.ruleSet, s.form))),
          s.createdAt ? ` ${formatDateTime(s.createdAt)}` : '',
        ),
      ),
    ),
    output,
  );
}

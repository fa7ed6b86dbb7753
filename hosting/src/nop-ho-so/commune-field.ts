// The commune of an address, chosen from the province's list (shared/communes.ts) on both applicant
// forms (a person, an organisation); "another province" opens a text field. A name kept from before (a
// profile, a draft) that the list does not hold is offered as it is. Without the directory (it failed to
// load) the field is plain text, so the application still works.
import { communesOf } from '../shared/communes.js';
import { h } from '../shared/dom.js';
import type { FieldProblem } from '../shared/form-errors.js';
import { t } from '../shared/i18n.js';
import { textInput, valueOf } from './step-form.js';
import { wizard } from './state.js';

const OTHER_COMMUNE = '__other__';

/** The label, the list and the hidden field for another province. */
export function communeChoice(current: string | undefined): HTMLElement[] {
  const communes = communesOf(wizard.agencies, new Date());
  if (communes.length === 0) return textInput('communeName', { vi: 'Xã/phường', en: 'Commune or ward' }, current);
  const listed = current === undefined || current === '' || communes.includes(current);
  const other = textInput('communeOther', { vi: 'Tên xã/phường ở tỉnh, thành phố khác', en: 'Commune or ward in another province' }, listed ? '' : current);
  const otherBlock = h('div', { id: 'commune-other', hidden: listed || undefined }, ...other);
  const select = h(
    'select',
    { id: 'communeName', name: 'communeName', autocomplete: 'address-level3' },
    h('option', { value: '' }, t({ vi: '— Chọn xã/phường —', en: '— Choose a commune or ward —' })),
    ...communes.map((c) => h('option', { value: c, selected: c === current }, c)),
    h('option', { value: OTHER_COMMUNE, selected: !listed }, t({ vi: 'Xã/phường ở tỉnh, thành phố khác…', en: 'In another province…' })),
  );
  select.addEventListener('change', () => {
    otherBlock.hidden = select.value !== OTHER_COMMUNE;
    if (!otherBlock.hidden) document.getElementById('communeOther')?.focus();
  });
  return [h('label', { for: 'communeName' }, t({ vi: 'Xã/phường', en: 'Commune or ward' })), select, otherBlock];
}

/** The commune on screen: the one chosen, or the one typed for another province. */
export function readCommune(): string {
  const commune = valueOf('communeName');
  return commune === OTHER_COMMUNE ? valueOf('communeOther') : commune;
}

/** A commune must be chosen (or typed, for another province). */
export function communeProblems(value: string | undefined): FieldProblem[] {
  if (value?.trim()) return [];
  const other = (document.getElementById('communeName') as HTMLSelectElement | null)?.value === OTHER_COMMUNE;
  return [other ? { inputId: 'communeOther', message: { vi: 'Nhập tên xã/phường', en: 'Enter the commune or ward' } } : { inputId: 'communeName', message: { vi: 'Chọn xã/phường', en: 'Choose the commune or ward' } }];
}

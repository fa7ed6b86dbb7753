// The desk intake form: who applies (a person or an organisation), the procedure and the components
// received with their counts and scans (desk-scans.ts), the competent agency when the desk receives for
// another one (Decree 118 Art. 14), the channel and the result delivery. It reads itself into the body of
// POST /api/desk/dossiers with the obvious checks, and puts the server's component paths (indexes into
// what was sent) back onto its checkboxes.
import type { User } from 'firebase/auth';
import type { IntakeDossierBody } from '../../../functions/src/contract/index.js';
import type { Bilingual } from '../shared/api.js';
import { provinceForAddress } from '../shared/branding.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { competentChoices, needsCompetentChoice, publicAgencies } from '../shared/reception.js';
import { deskScans } from './desk-scans.js';
import { looksLikeIdCardQr, parseIdCardQr } from './id-card-qr.js';
import { field, select, textInput } from './forms.js';
import { tx } from './labels.js';
import type { DeskProcedures, ProcedureDoc } from './store.js';

const REQUIRED: Bilingual = { vi: 'Vui lòng điền mục này', en: 'Please fill this in' };

type FieldErrors = readonly { path: string; message: Bilingual }[];

/** The procedure chosen for the last walk-in: "Nhập hồ sơ khác" starts with it (a queue is often one procedure). */
let lastProcedure = '';

export type DeskForm = {
  form: HTMLFormElement;
  /** The line under the form for what no input shows. */
  summary: HTMLElement;
  /** Lists the procedures the desk receives in the picker, or says they could not be loaded (undefined). */
  showProcedures: (list: DeskProcedures | undefined) => void;
  /** The body to POST, or the client-side errors by path. */
  read: (requestId: string) => { body: IntakeDossierBody } | { errors: FieldErrors };
  /** The server's errors with component paths pointing at the checkboxes. */
  remap: (fields: FieldErrors, sent: { componentId: string; uploadIds?: string[] }[]) => FieldErrors;
  /** Puts the cursor in the first field still to fill (the procedure, else the ID-card scan). */
  focusFirst: () => void;
};

export function buildDeskForm(user: User): DeskForm {
  let procedures: ProcedureDoc[] = [];
  let deskLevel: string | undefined;
  const scans = deskScans(user);
  // Decree 118 Art. 14: receiving for a procedure decided elsewhere, the desk names the competent agency.
  const competentSelect = h('select', { name: 'competentAgencyId' }, h('option', { value: '' }, tx('Đang tải…', 'Loading…')));
  const competentWrap = field(
    { vi: 'Cơ quan có thẩm quyền giải quyết', en: 'Agency competent to decide' },
    competentSelect,
    'competentAgencyId',
    { vi: 'Thủ tục do cấp khác giải quyết: chọn cơ quan sẽ giải quyết hồ sơ (Điều 14 Nghị định 118/2025). Kết quả được trả tại quầy này.', en: 'Another level decides this procedure: choose the agency that will decide it (Decree 118/2025 Art. 14). The result comes back to this desk.' },
  );
  competentWrap.hidden = true;
  const procedureSelect = h('select', { name: 'procedureCode', required: true }, h('option', { value: '' }, tx('Đang tải thủ tục…', 'Loading procedures…')));
  const componentsBox = h('fieldset', { class: 'components-input', 'data-path': 'components', tabindex: -1 }, h('legend', {}, tx('Thành phần hồ sơ nhận', 'Components received')));
  const componentsError = h('p', { class: 'field-error', 'data-error-for': 'components', hidden: true });
  const channel = select([
    { value: 'desk', label: tx('Trực tiếp tại quầy', 'At the desk') },
    { value: 'post', label: tx('Qua bưu chính', 'By post') },
  ]);
  const delivery = select([
    { value: 'desk', label: tx('Nhận tại quầy', 'At the desk') },
    { value: 'post', label: tx('Qua bưu chính', 'By post') },
    { value: 'online', label: tx('Trực tuyến', 'Online') },
  ]);
  const fullName = textInput({ name: 'fullName', autocomplete: 'off', maxlength: 100, required: true });
  const idKind = select([
    { value: 'citizenId', label: tx('Căn cước công dân (12 số)', 'Citizen ID (12 digits)') },
    { value: 'passport', label: tx('Hộ chiếu', 'Passport') },
  ]);
  const idNumber = textInput({ name: 'idNumber', autocomplete: 'off', maxlength: 20, inputmode: 'text', required: true });
  const idCountry = textInput({ name: 'idCountry', maxlength: 3, placeholder: 'VNM' });
  const birth = h('input', { type: 'date', name: 'dateOfBirth', min: '1900-01-01' });
  // A handheld scanner types the card's QR like a keyboard (id-card-qr.ts); the applicant is filled from it.
  const scan = textInput({ name: 'idCardScan', id: 'desk-scan', autocomplete: 'off', spellcheck: 'false' });
  const scanState = h('p', { id: 'desk-scan-state', class: 'hint', 'aria-live': 'polite' });
  const phone = textInput({ name: 'phone', type: 'tel', autocomplete: 'off', maxlength: 20, required: true });
  const email = textInput({ name: 'email', type: 'email', autocomplete: 'off', maxlength: 254 });
  const line = textInput({ name: 'line', maxlength: 100, required: true });
  const commune = textInput({ name: 'communeName', maxlength: 100, required: true });
  const province = textInput({ name: 'provinceName', maxlength: 100, required: true, value: provinceForAddress() });
  const kind = select([
    { value: 'person', label: tx('Cá nhân', 'A person') },
    { value: 'organisation', label: tx('Tổ chức, doanh nghiệp', 'An organisation') },
  ]);
  const orgName = textInput({ name: 'orgName', maxlength: 255 });
  const taxCode = textInput({ name: 'taxCode', maxlength: 14, inputmode: 'numeric' });
  const repName = textInput({ name: 'repName', maxlength: 100 });
  const repTitle = textInput({ name: 'repTitle', maxlength: 100 });
  const summary = h('p', { class: 'form-summary field-error', hidden: true, role: 'alert' });
  const countryWrap = field({ vi: 'Quốc gia cấp hộ chiếu (mã 3 chữ)', en: 'Passport country (3-letter code)' }, idCountry, 'applicant.identity.country');
  countryWrap.hidden = true;
  idKind.addEventListener('change', () => (countryWrap.hidden = idKind.value !== 'passport'));

  const personFields = h(
    'div',
    { id: 'desk-person' },
    field({ vi: 'Họ và tên (có dấu)', en: 'Full name (with diacritics)' }, fullName, 'applicant.fullName'),
    field({ vi: 'Loại giấy tờ', en: 'Identity document' }, idKind, 'applicant.identity.kind'),
    field({ vi: 'Số giấy tờ', en: 'Document number' }, idNumber, 'applicant.identity.number'),
    countryWrap,
    field({ vi: 'Ngày sinh (không bắt buộc)', en: 'Date of birth (optional)' }, birth, 'applicant.dateOfBirth'),
  );
  const orgFields = h(
    'div',
    { id: 'desk-organisation', hidden: true },
    field({ vi: 'Tên tổ chức', en: 'Organisation name' }, orgName, 'applicant.name'),
    field({ vi: 'Mã số thuế', en: 'Tax code' }, taxCode, 'applicant.taxCode', { vi: '10 chữ số, hoặc 0123456789-001', en: '10 digits, or 0123456789-001' }),
    field({ vi: 'Người đại diện', en: 'Representative' }, repName, 'applicant.representative.fullName'),
    field({ vi: 'Chức vụ người đại diện', en: 'Representative’s title' }, repTitle, 'applicant.representative.title'),
  );
  kind.addEventListener('change', () => {
    personFields.hidden = kind.value !== 'person';
    orgFields.hidden = kind.value !== 'organisation';
  });

  /** The first required field still empty: where the officer goes on after a scan. */
  function nextEmpty(): HTMLElement | undefined {
    return [procedureSelect, phone, fullName, idNumber, line, commune].find((c) => !c.value.trim() && !c.closest('[hidden]'));
  }

  function fillFromCard(): void {
    const card = parseIdCardQr(scan.value);
    if (!card) {
      scanState.textContent = looksLikeIdCardQr(scan.value) ? tx('Đang đọc thẻ…', 'Reading the card…') : '';
      return;
    }
    kind.value = 'person';
    kind.dispatchEvent(new Event('change'));
    idKind.value = 'citizenId';
    idKind.dispatchEvent(new Event('change'));
    fullName.value = card.fullName;
    idNumber.value = card.idNumber;
    birth.value = card.dateOfBirth;
    line.value = card.address.line;
    commune.value = card.address.communeName;
    province.value = card.address.provinceName;
    scan.value = '';
    scanState.textContent = tx(`Đã điền từ thẻ căn cước: ${card.fullName}, ${card.idNumber}. Kiểm tra lại trước khi ghi nhận.`, `Filled from the ID card: ${card.fullName}, ${card.idNumber}. Check before recording.`);
    nextEmpty()?.focus();
  }
  scan.addEventListener('input', fillFromCard);
  // A scanner may end with Enter: it must not submit a half-filled form.
  scan.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      fillFromCard();
    }
  });

  // Two columns on a desktop (page.css): who applies on the left, what was received on the right, so the
  // submit button is in view without scrolling.
  const form = h(
    'form',
    { id: 'desk-form', novalidate: true, 'aria-labelledby': 'desk-title' },
    h(
      'div',
      { class: 'desk-column' },
      field({ vi: 'Thủ tục', en: 'Procedure' }, procedureSelect, 'procedureCode', { vi: 'Gõ mã thủ tục để chọn nhanh', en: 'Type the procedure code to pick it' }),
      h(
        'div',
        { class: 'desk-scan' },
        field({ vi: 'Quét mã QR trên thẻ căn cước (điền sẵn người nộp)', en: 'Scan the QR code of the ID card (fills the applicant)' }, scan, 'idCardScan', { vi: 'Đặt con trỏ ở đây rồi quét; có thể bỏ qua và nhập tay.', en: 'Put the cursor here and scan; or skip and type.' }),
        scanState,
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, tx('Người nộp hồ sơ', 'Applicant')),
        field({ vi: 'Người nộp là', en: 'The applicant is' }, kind, 'applicant.kind'),
        personFields,
        orgFields,
        field({ vi: 'Số điện thoại di động', en: 'Mobile phone' }, phone, 'applicant.phone', { vi: 'Ví dụ 0912345678', en: 'e.g. 0912345678' }),
        field({ vi: 'Email (không bắt buộc)', en: 'Email (optional)' }, email, 'applicant.email'),
        field({ vi: 'Số nhà, đường', en: 'Street address' }, line, 'applicant.address.line'),
        field({ vi: 'Xã, phường', en: 'Commune or ward' }, commune, 'applicant.address.communeName'),
        field({ vi: 'Tỉnh, thành phố', en: 'Province or city' }, province, 'applicant.address.provinceName'),
      ),
    ),
    h(
      'div',
      { class: 'desk-column' },
      competentWrap,
      componentsBox,
      componentsError,
      field({ vi: 'Kênh nộp', en: 'Channel' }, channel, 'channel'),
      field({ vi: 'Hình thức nhận kết quả', en: 'Result delivery' }, delivery, 'resultDelivery'),
      summary,
      h('button', { type: 'submit', id: 'desk-submit' }, tx('Ghi nhận hồ sơ', 'Record the application')),
    ),
  );

  async function renderCompetent(p: ProcedureDoc | undefined): Promise<void> {
    const needed = p !== undefined && needsCompetentChoice(p, deskLevel);
    competentWrap.hidden = !needed;
    competentSelect.required = needed;
    if (!needed) {
      competentSelect.value = '';
      return;
    }
    try {
      const choices = competentChoices(await publicAgencies(), p, new Date());
      if (procedureSelect.value !== p.code) return; // another procedure was chosen meanwhile
      competentSelect.replaceChildren(
        h('option', { value: '' }, tx('— Chọn cơ quan —', '— Choose an agency —')),
        ...choices.map((a) => h('option', { value: a.id }, `${t(a.name)} (${a.id})`)),
      );
    } catch {
      competentSelect.replaceChildren(h('option', { value: '' }, tx('Không tải được danh sách cơ quan', 'Could not load the agencies')));
    }
  }

  function renderComponents(): void {
    const p = procedures.find((x) => x.code === procedureSelect.value);
    scans.clear();
    void renderCompetent(p);
    componentsBox.replaceChildren(h('legend', {}, tx('Thành phần hồ sơ nhận', 'Components received')));
    if (!p) {
      componentsBox.append(h('p', {}, tx('Chọn thủ tục để xem thành phần hồ sơ.', 'Choose a procedure to see its components.')));
      return;
    }
    p.components.forEach((c, i) => {
      const check = h('input', { type: 'checkbox', id: `comp-${i}`, checked: c.mandatory, 'data-component': c.id, 'data-path': `components.${i}.componentId` });
      const count = (key: 'originals' | 'certifiedCopies' | 'copies', label: Bilingual) => {
        const input = h('input', { type: 'number', min: 0, max: 20, step: 1, inputmode: 'numeric', value: c[key], id: `comp-${i}-${key}`, 'data-count': key });
        return field(label, input, `components.${i}.${key}`);
      };
      componentsBox.append(
        h(
          'div',
          { class: 'component-input' },
          h('label', { for: check.id, class: 'choice' }, check, ' ', t(c.name), c.mandatory ? h('span', { class: 'en' }, tx(' (bắt buộc)', ' (mandatory)')) : null),
          h('p', { class: 'field-error', 'data-error-for': `components.${i}.componentId`, hidden: true }),
          h(
            'div',
            { class: 'counts' },
            count('originals', { vi: 'Bản chính', en: 'Originals' }),
            count('certifiedCopies', { vi: 'Bản sao chứng thực', en: 'Certified copies' }),
            count('copies', { vi: 'Bản sao', en: 'Copies' }),
          ),
          // A scanned component was received: tick it.
          scans.block(c.id, i, () => (check.checked = true)),
        ),
      );
    });
  }
  procedureSelect.addEventListener('change', () => {
    lastProcedure = procedureSelect.value;
    renderComponents();
  });

  function read(requestId: string): { body: IntakeDossierBody } | { errors: FieldErrors } {
    const errors: { path: string; message: Bilingual }[] = [];
    const need = (value: string, path: string) => {
      if (!value.trim()) errors.push({ path, message: REQUIRED });
      return value.trim();
    };
    const procedureCode = need(procedureSelect.value, 'procedureCode');
    const who: Record<string, unknown> = { kind: kind.value };
    if (kind.value === 'person') {
      const identity: Record<string, string> = { kind: idKind.value, number: need(idNumber.value, 'applicant.identity.number') };
      if (idKind.value === 'passport') identity.country = idCountry.value.trim().toUpperCase() || 'VNM';
      who.fullName = need(fullName.value, 'applicant.fullName');
      who.identity = identity;
      if (birth.value) who.dateOfBirth = birth.value;
    } else {
      who.name = need(orgName.value, 'applicant.name');
      who.taxCode = need(taxCode.value, 'applicant.taxCode');
      who.representative = { fullName: need(repName.value, 'applicant.representative.fullName'), title: need(repTitle.value, 'applicant.representative.title') };
    }
    const applicant: Record<string, unknown> = {
      ...who,
      phone: need(phone.value, 'applicant.phone'),
      address: {
        line: need(line.value, 'applicant.address.line'),
        communeName: need(commune.value, 'applicant.address.communeName'),
        provinceName: need(province.value, 'applicant.address.provinceName'),
      },
    };
    if (email.value.trim()) applicant.email = email.value.trim();
    const components = Array.from(componentsBox.querySelectorAll<HTMLInputElement>('input[data-component]'))
      .filter((c) => c.checked)
      .map((c) => {
        const box = c.closest('.component-input')!;
        const num = (key: string) => Number(box.querySelector<HTMLInputElement>(`[data-count="${key}"]`)?.value || 0);
        const uploadIds = scans.uploadIdsOf(c.dataset.component!);
        return { componentId: c.dataset.component!, originals: num('originals'), certifiedCopies: num('certifiedCopies'), copies: num('copies'), ...(uploadIds.length > 0 ? { uploadIds } : {}) };
      });
    const competentAgencyId = competentWrap.hidden ? '' : need(competentSelect.value, 'competentAgencyId');
    if (procedureCode && components.length === 0) errors.push({ path: 'components', message: { vi: 'Chọn ít nhất một thành phần đã nhận', en: 'Tick at least one component received' } });
    if (errors.length > 0) return { errors };
    // The form's values as typed: the server checks every field and answers with field paths.
    return {
      body: {
        requestId,
        procedureCode,
        applicant: applicant as IntakeDossierBody['applicant'],
        components,
        channel: channel.value as NonNullable<IntakeDossierBody['channel']>,
        resultDelivery: delivery.value as NonNullable<IntakeDossierBody['resultDelivery']>,
        ...(competentAgencyId ? { competentAgencyId } : {}),
      },
    };
  }

  // Server paths name components by their index in what was sent, and uploads by their index among all the
  // upload ids sent (`uploadIds.n`); map both back to the component's checkbox or scan input.
  function remap(fields: FieldErrors, sent: { componentId: string; uploadIds?: string[] }[]): FieldErrors {
    const all = Array.from(componentsBox.querySelectorAll<HTMLInputElement>('input[data-component]'));
    const indexOf = (componentId: string | undefined) => all.findIndex((c) => c.dataset.component === componentId);
    const uploads = sent.flatMap((c) => c.uploadIds ?? []);
    return fields.map((f) => {
      const upload = /^uploadIds\.(\d+)$/.exec(f.path);
      if (upload) {
        const index = indexOf(scans.componentOfUpload(uploads[Number(upload[1])] ?? ''));
        return index < 0 ? f : { ...f, path: `components.${index}.uploadIds` };
      }
      const m = /^components\.(\d+)\.(.+)$/.exec(f.path);
      if (!m) return f;
      const index = indexOf(sent[Number(m[1])]?.componentId);
      return index < 0 ? f : { ...f, path: `components.${index}.${m[2]}` };
    });
  }

  function showProcedures(list: DeskProcedures | undefined): void {
    if (!list) {
      procedureSelect.replaceChildren(h('option', { value: '' }, tx('Không tải được danh mục thủ tục', 'Could not load the procedures')));
      return;
    }
    procedures = list.procedures;
    deskLevel = list.level;
    procedureSelect.replaceChildren(
      h('option', { value: '' }, tx('— Chọn thủ tục —', '— Choose a procedure —')),
      // Code first: typing the code on the closed picker chooses it (a desk knows its common codes).
      ...procedures.map((p) => h('option', { value: p.code, selected: p.code === lastProcedure }, `${p.code} · ${t(p.name)}`)),
    );
    renderComponents();
    // The cursor was asked for before the list came: the kept procedure is chosen, so it goes on to the scan.
    const active = document.activeElement;
    if (wantFocus && (active === null || active === document.body || active === procedureSelect)) placeCursor();
    wantFocus = false;
  }

  /** The first field still to fill: the procedure, or (kept from the last walk-in) the ID-card scan. */
  let wantFocus = false;
  function placeCursor(): void {
    (procedureSelect.value ? scan : procedureSelect).focus();
  }

  return {
    form,
    summary,
    showProcedures,
    read,
    remap,
    focusFirst: () => {
      wantFocus = true;
      placeCursor();
    },
  };
}

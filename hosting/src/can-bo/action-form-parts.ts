// The pieces the action forms are built from (action-forms.ts): labelled text and date fields, a form of
// plain text fields, the agency picker, and the shape every built form has (its fields, how it reads
// them into the action, and the lines of its confirmation step).
import type { Bilingual } from '../shared/api.js';
import type { DossierAnswer, MovedDossier } from './api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { field, textArea, textInput } from './forms.js';
import { tx } from './labels.js';

export type AgencyOption = { id: string; name: Bilingual };

/** A step of the procedure's process (procedures/{code}/versions/{v}.steps), as the forms read it. */
export type StepRef = {
  id: string;
  role?: string;
  description: Bilingual;
  budget: { value: number; unit: string };
  performer: { kind: string; agencyId?: string; level?: string; name?: Bilingual };
};

export type FormContext = {
  /** Agencies for transfer / opinion targets (other than the officer's own). */
  agencies: () => Promise<AgencyOption[]>;
  ownAgencyId: string;
  resultDelivery?: string;
  /** Agency ids named by the procedure's steps, suggested first for a transfer. */
  suggestedAgencies: string[];
  /** The dossier as the officer read it (its route, stop request, pinned procedure). */
  dossier: DossierAnswer['dossier'];
  /** The steps of the pinned procedure version's process; empty when they could not be read. */
  steps: StepRef[];
  /** The names of the procedure's components (a supplement request picks among the dossier's). */
  componentNames: Map<string, Bilingual>;
};

export type BuiltForm = {
  fields: HTMLElement;
  /** The action to post, or the client-side errors by path. */
  read: () => { action: Record<string, unknown> } | { errors: { path: string; message: Bilingual }[] };
  /** Lines for the confirmation step. */
  describe: (action: Record<string, unknown>) => string[];
  /** What the success message adds, from the dossier the server answered with (a computed deadline, say). */
  done?: (moved: MovedDossier) => string | undefined;
};

export const REQUIRED: Bilingual = { vi: 'Vui lòng điền mục này', en: 'Please fill this in' };
const MAX_TEXT = 2000;

export type Spec = (ctx: FormContext) => BuiltForm;

/** Vietnam wall-clock `YYYY-MM-DDTHH:mm` from a datetime-local input → an instant with +07:00. */
function vnInstant(value: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+07:00` : undefined;
}

export function text(path: string, label: Bilingual, opts: { required?: boolean; long?: boolean; max?: number; hint?: Bilingual } = {}) {
  const control = opts.long
    ? textArea({ name: path, maxlength: opts.max ?? MAX_TEXT, required: opts.required })
    : textInput({ name: path, maxlength: opts.max ?? 255, required: opts.required });
  return { path, label, control, required: opts.required ?? false, wrap: field(label, control, path, opts.hint) };
}

type Simple = ReturnType<typeof text>;

/** A form made of plain text fields; optional empty ones are left out of the action. */
export function simple(type: string, parts: Simple[], extra: (action: Record<string, unknown>) => { path: string; message: Bilingual }[] = () => []): BuiltForm {
  return {
    fields: h('div', {}, ...parts.map((p) => p.wrap)),
    read: () => {
      const action: Record<string, unknown> = { type };
      const errors: { path: string; message: Bilingual }[] = [];
      for (const p of parts) {
        const value = p.control.value.trim();
        if (value) action[p.path] = value;
        else if (p.required) errors.push({ path: p.path, message: REQUIRED });
      }
      errors.push(...extra(action));
      return errors.length > 0 ? { errors } : { action };
    },
    describe: (action) => parts.filter((p) => action[p.path] !== undefined).map((p) => `${t(p.label)}: ${String(action[p.path])}`),
  };
}

export function datetimeField(path: string, label: Bilingual, required: boolean) {
  const control = h('input', { type: 'datetime-local', name: path, required });
  return { path, label, control, required, wrap: field(label, control, path, { vi: 'Giờ Việt Nam', en: 'Vietnam time' }) };
}

export function readDate(p: { path: string; control: HTMLInputElement; required: boolean }, action: Record<string, unknown>, errors: { path: string; message: Bilingual }[]): void {
  const raw = p.control.value;
  if (!raw) {
    if (p.required) errors.push({ path: p.path, message: REQUIRED });
    return;
  }
  const iso = vnInstant(raw);
  if (!iso) errors.push({ path: p.path, message: { vi: 'Ngày giờ không hợp lệ', en: 'invalid date and time' } });
  else action[p.path] = iso;
}

async function agencySelect(ctx: FormContext, control: HTMLSelectElement, suggest: boolean): Promise<void> {
  const agencies = (await ctx.agencies()).filter((a) => a.id !== ctx.ownAgencyId);
  const suggested = new Set(suggest ? ctx.suggestedAgencies : []);
  agencies.sort((a, b) => Number(suggested.has(b.id)) - Number(suggested.has(a.id)) || a.name.vi.localeCompare(b.name.vi, 'vi'));
  control.replaceChildren(
    h('option', { value: '' }, tx('— Chọn cơ quan —', '— Choose an agency —')),
    ...agencies.map((a) => h('option', { value: a.id }, `${t(a.name)} (${a.id})${suggested.has(a.id) ? ` — ${tx('theo quy trình', 'per the procedure')}` : ''}`)),
  );
  if (agencies.length > 0 && suggested.size > 0 && suggested.has(agencies[0]!.id)) control.value = agencies[0]!.id;
}

/** An agency picker; `suggest: false` for an agency outside the procedure's route (nothing preselected). */
export function agencyField(ctx: FormContext, path: string, label: Bilingual, opts: { required?: boolean; suggest?: boolean } = {}) {
  const required = opts.required ?? true;
  const control = h('select', { name: path, required }, h('option', { value: '' }, tx('Đang tải…', 'Loading…')));
  void agencySelect(ctx, control, opts.suggest ?? true);
  return { path, label, control, required, wrap: field(label, control, path) };
}

// Officers: the accounts of an agency (or all), each with its role, agency and state; inviting an officer
// or desk device (an emailed one-time link: the administrator never knows a password); changing a role or
// agency and deactivating, each with a confirmation, since it ends the account's sessions at once.
import { describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { inviteOfficer, listAgencies, listOfficers, officerRow, updateOfficer, type AdminAgency, type OfficerRole, type OfficerRow } from './api.js';
import { done, field, select, showRefusal, summary, textInput, valueOf } from './form-kit.js';
import type { View, ViewContext } from './state.js';

const ROLES: readonly { value: OfficerRole; label: { vi: string; en: string } }[] = [
  { value: 'receptionist', label: { vi: 'Công chức Bộ phận Một cửa', en: 'Desk officer' } },
  { value: 'handler', label: { vi: 'Chuyên viên thụ lý', en: 'Handling officer' } },
  { value: 'lead', label: { vi: 'Lãnh đạo cơ quan', en: 'Agency lead' } },
  { value: 'monitor', label: { vi: 'Giám sát', en: 'Monitor' } },
  { value: 'admin', label: { vi: 'Quản trị hệ thống', en: 'Administrator' } },
  { value: 'kiosk', label: { vi: 'Thiết bị đánh giá tại quầy', en: 'Desk rating device' } },
];
const STATUS = {
  invited: { vi: 'Đã mời, chưa đặt mật khẩu', en: 'Invited, no password yet' },
  active: { vi: 'Đang hoạt động', en: 'Active' },
  disabled: { vi: 'Đã vô hiệu hoá', en: 'Deactivated' },
} as const;
const roleLabel = (role: OfficerRole) => t(ROLES.find((r) => r.value === role)!.label);

export function mountOfficers(root: HTMLElement, { admin }: ViewContext): View {
  let agencies: AdminAgency[] = [];
  let rows: OfficerRow[] = [];
  let next: string | null = null;
  const filter = select([]);
  const table = h('div', { class: 'table-wrap' });
  const panel = h('section', { class: 'panel-edit', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => void load(true) }, t({ vi: 'Xem thêm', en: 'Show more' }));
  const agencyOptions = (withAll: boolean) => [
    ...(withAll ? [{ value: '', label: t({ vi: '— Tất cả cơ quan —', en: '— All agencies —' }) }] : []),
    ...agencies.filter((a) => a.effectiveTo === undefined).map((a) => ({ value: a.id, label: `${t(a.name)} (${a.id})` })),
  ];
  const agencyName = (id: string) => (agencies.find((a) => a.id === id) ? t(agencies.find((a) => a.id === id)!.name) : id);

  root.append(
    h('h2', {}, t({ vi: 'Cán bộ', en: 'Officers' })),
    h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'invite-officer', onclick: () => invite() }, t({ vi: 'Mời cán bộ', en: 'Invite an officer' }))),
    panel,
    field({ vi: 'Cơ quan', en: 'Agency' }, filter, 'filter'),
    table,
    more,
  );
  filter.addEventListener('change', () => void load(false));

  function draw(): void {
    table.replaceChildren(
      h(
        'table',
        { class: 'officers' },
        h('caption', { class: 'visually-hidden' }, t({ vi: 'Tài khoản cán bộ', en: 'Officer accounts' })),
        h('thead', {}, h('tr', {}, ...[{ vi: 'Họ tên', en: 'Name' }, { vi: 'Email', en: 'Email' }, { vi: 'Vai trò', en: 'Role' }, { vi: 'Cơ quan', en: 'Agency' }, { vi: 'Trạng thái', en: 'State' }, { vi: 'Thao tác', en: 'Actions' }].map((c) => h('th', { scope: 'col' }, t(c))))),
        h(
          'tbody',
          {},
          ...rows.map((o) =>
            h(
              'tr',
              { 'data-uid': o.uid },
              h('td', {}, o.displayName ?? '—'),
              h('td', {}, o.email ?? '—'),
              h('td', {}, roleLabel(o.role)),
              h('td', {}, agencyName(o.agencyId)),
              h('td', {}, t(STATUS[o.status])),
              h(
                'td',
                {},
                h('button', { type: 'button', class: 'secondary small', 'data-change': o.uid, onclick: () => change(o) }, t({ vi: 'Đổi vai trò, cơ quan', en: 'Change role, agency' }), h('span', { class: 'visually-hidden' }, ` ${o.displayName ?? o.uid}`)),
                ' ',
                h('button', { type: 'button', class: 'secondary small danger', 'data-toggle': o.uid, onclick: () => toggle(o) }, t(o.status === 'disabled' ? { vi: 'Kích hoạt lại', en: 'Reactivate' } : { vi: 'Vô hiệu hoá', en: 'Deactivate' }), h('span', { class: 'visually-hidden' }, ` ${o.displayName ?? o.uid}`)),
              ),
            ),
          ),
        ),
      ),
    );
    more.hidden = next === null;
  }

  /**
   * `show`: an account just invited or changed stays in view: when it sorts past the rows loaded, its own row
   * is fetched and put first, so the administrator sees the result of what they did.
   */
  async function load(append: boolean, show?: string): Promise<void> {
    try {
      const page = await listOfficers(admin.user, filter.value || undefined, append ? (next ?? undefined) : undefined);
      // A row put first earlier is not repeated when its page comes.
      rows = append ? [...rows, ...page.officers.filter((o) => !rows.some((r) => r.uid === o.uid))] : page.officers;
      if (show !== undefined && !rows.some((r) => r.uid === show)) {
        const row = await officerRow(admin.user, show, filter.value || undefined);
        if (row) rows = [row, ...rows];
      }
      next = page.nextAfter;
      draw();
    } catch (err) {
      table.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, t(describeError(err))));
    }
  }

  function invite(): void {
    const form = h(
      'form',
      { novalidate: true, 'aria-labelledby': 'invite-title' },
      h('h3', { id: 'invite-title' }, t({ vi: 'Mời cán bộ', en: 'Invite an officer' })),
      h('p', { class: 'hint' }, t({ vi: 'Cán bộ nhận thư có đường dẫn dùng một lần để tự đặt mật khẩu.', en: 'The officer receives an email with a one-time link to choose a password.' })),
      summary(),
      field({ vi: 'Email công vụ', en: 'Work email' }, textInput('', { type: 'email', autocomplete: 'off' }), 'email'),
      field({ vi: 'Họ và tên', en: 'Full name' }, textInput(''), 'displayName'),
      field({ vi: 'Vai trò', en: 'Role' }, select(ROLES.map((r) => ({ value: r.value, label: t(r.label) })), 'receptionist'), 'role'),
      field({ vi: 'Cơ quan', en: 'Agency' }, select(agencyOptions(false), filter.value || undefined), 'agencyId'),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, t({ vi: 'Gửi lời mời', en: 'Send the invitation' }))),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const res = await inviteOfficer(admin.user, { email: valueOf(form, 'email'), displayName: valueOf(form, 'displayName'), role: valueOf(form, 'role') as OfficerRole, agencyId: valueOf(form, 'agencyId') });
        panel.replaceChildren();
        done(panel, res.invitationSent ? { vi: `Đã gửi lời mời tới ${res.email}.`, en: `Invitation sent to ${res.email}.` } : { vi: `Đã cập nhật ${res.email}.`, en: `${res.email} updated.` });
        if (filter.value) filter.value = res.agencyId;
        await load(false, res.uid);
      } catch (err) {
        showRefusal(form, err);
      }
    });
    panel.replaceChildren(form);
    form.querySelector<HTMLElement>('input')?.focus();
  }

  function change(o: OfficerRow): void {
    const form = h(
      'form',
      { novalidate: true, 'aria-labelledby': 'change-title' },
      h('h3', { id: 'change-title' }, t({ vi: `Đổi vai trò, cơ quan: ${o.displayName ?? o.email ?? o.uid}`, en: `Change role, agency: ${o.displayName ?? o.email ?? o.uid}` })),
      h('p', { class: 'hint' }, t({ vi: 'Các phiên đăng nhập hiện tại của tài khoản sẽ kết thúc ngay.', en: 'The account’s current sessions end at once.' })),
      summary(),
      field({ vi: 'Vai trò', en: 'Role' }, select(ROLES.map((r) => ({ value: r.value, label: t(r.label) })), o.role), 'role'),
      field({ vi: 'Cơ quan', en: 'Agency' }, select(agencyOptions(false), o.agencyId), 'agencyId'),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, t({ vi: 'Lưu thay đổi', en: 'Save the change' }))),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void apply(form, o, { role: valueOf(form, 'role') as OfficerRole, agencyId: valueOf(form, 'agencyId') });
    });
    panel.replaceChildren(form);
    form.querySelector<HTMLElement>('select')?.focus();
  }

  function toggle(o: OfficerRow): void {
    const active = o.status === 'disabled';
    const form = h(
      'form',
      { novalidate: true },
      summary(),
      h('p', { role: 'alert' }, t(active
        ? { vi: `Kích hoạt lại tài khoản ${o.email ?? o.uid}?`, en: `Reactivate the account ${o.email ?? o.uid}?` }
        : { vi: `Vô hiệu hoá tài khoản ${o.email ?? o.uid}? Tài khoản không đăng nhập được nữa và mọi phiên kết thúc ngay.`, en: `Deactivate the account ${o.email ?? o.uid}? It can no longer sign in and every session ends at once.` })),
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: active ? undefined : 'danger', id: 'confirm-toggle' }, t(active ? { vi: 'Kích hoạt lại', en: 'Reactivate' } : { vi: 'Vô hiệu hoá', en: 'Deactivate' }))),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void apply(form, o, { active });
    });
    panel.replaceChildren(form);
    form.querySelector<HTMLElement>('button')?.focus();
  }

  async function apply(form: HTMLElement, o: OfficerRow, change: { role?: OfficerRole; agencyId?: string; active?: boolean }): Promise<void> {
    try {
      const res = await updateOfficer(admin.user, o.uid, change);
      panel.replaceChildren();
      done(panel, {
        vi: `Đã cập nhật ${o.email ?? o.uid}${res.sessionsRevoked ? '; các phiên đăng nhập đã kết thúc' : ''}.`,
        en: `${o.email ?? o.uid} updated${res.sessionsRevoked ? '; its sessions have ended' : ''}.`,
      });
      if (filter.value && change.agencyId) filter.value = change.agencyId;
      await load(false, o.uid);
    } catch (err) {
      showRefusal(form, err);
    }
  }

  void (async () => {
    try {
      agencies = await listAgencies(admin.user);
      filter.replaceChildren(...agencyOptions(true).map((o) => h('option', { value: o.value }, o.label)));
    } catch {
      // the list below reports the problem
    }
    await load(false);
  })();
  return { unmount: () => undefined };
}

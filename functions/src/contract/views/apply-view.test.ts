import { describe, expect, it } from 'vitest';
import type { AgencyPublic, ProcedureDetail } from '../catalog.js';
import { agencyStepBody, stepFrameView } from './apply-view.js';
import { inVietnamese, toHtml } from './node.js';

const agency = (id: string, level: string, extra: Partial<AgencyPublic> = {}): AgencyPublic =>
  ({ id, name: { vi: `Cơ quan ${id}`, en: `Agency ${id}` }, level, hasOneStopDesk: true, officers: [], ...extra }) as AgencyPublic;

const provinceDesk = agency('tinh', 'province', { address: '1 Đường A' });
const communeDesk = agency('xa-1', 'commune');
const otherCommune = agency('xa-2', 'commune');
const closed = agency('xa-cu', 'commune', { effectiveTo: '2025-06-30' });

/** A commune procedure under Decree 118: any desk of the province receives it; a province desk needs a commune named. */
const detail = (ruleSet: string, fees: { amountVnd: number; description: { vi: string; en: string } }[] = []) =>
  ({
    procedure: { ruleSet, competentLevels: ['commune'], receptionExceptions: [], fees },
    receivingAgencies: [communeDesk],
  }) as unknown as Pick<ProcedureDetail, 'procedure' | 'receivingAgencies'>;

const now = new Date('2026-12-04T03:00:00Z');
const html = (input: Parameters<typeof agencyStepBody>[0]) => agencyStepBody(input, inVietnamese).map(toHtml).join('');

describe('the wizard step 1 as the server draws it', () => {
  it('offers the procedure own desk first, then (Decree 118 Art. 14) the province other desks still in operation', () => {
    const out = html({ detail: detail('nd118-2025'), directory: [provinceDesk, communeDesk, otherCommune, closed], now });
    const order = [...out.matchAll(/value="([^"]+)"/g)].map((m) => m[1]).filter((v) => v !== '');
    expect(order.slice(0, 3)).toEqual(['xa-1', 'tinh', 'xa-2']);
    expect(out).not.toContain('value="xa-cu"');
    expect(out).toContain('Điều 14 Nghị định 118/2025');
  });

  it('under Decree 61 only the procedure own desks', () => {
    const out = html({ detail: detail('nd61-2018'), directory: [provinceDesk, communeDesk, otherCommune], now });
    expect(out).toContain('value="xa-1"');
    expect(out).not.toContain('value="tinh"');
    expect(out).not.toContain('Điều 14');
  });

  it('checks the chosen desk, and shows the competent agency only for a desk that does not decide the procedure', () => {
    const base = { detail: detail('nd118-2025'), directory: [provinceDesk, communeDesk, otherCommune], now };
    const atCommune = html({ ...base, receivingAgencyId: 'xa-1' });
    expect(atCommune).toMatch(/value="xa-1" checked>/);
    expect(atCommune).toContain('<div id="competent-block" hidden>');
    const atProvince = html({ ...base, receivingAgencyId: 'tinh', competentAgencyId: 'xa-2' });
    expect(atProvince).toMatch(/value="tinh" checked>/);
    expect(atProvince).toContain('<div id="competent-block">');
    expect(atProvince).toContain('<option value="xa-2" selected>');
    expect(html(base)).not.toContain(' checked');
  });

  it('says the fee and how to pay, or that there is nothing to pay', () => {
    const free = html({ detail: detail('nd118-2025'), directory: [], now });
    expect(free).toContain('Không mất phí');
    const paid = html({ detail: detail('nd118-2025', [{ amountVnd: 50_000, description: { vi: 'Lệ phí cấp giấy', en: 'Fee' } }]), directory: [], now });
    expect(paid).toMatch(/50\.000\s+đ/);
    expect(paid).toContain('Cách nộp');
  });

  it('frames it as step 1 of 5, with Continue and no Back; later steps have Back; after a "change" link the button says so', () => {
    const first = toHtml(stepFrameView('agency', [], { back: false, returnToCheck: false }, inVietnamese));
    expect(first).toContain('Bước 1/5');
    expect(first).toContain('<button type="submit" id="next">Tiếp tục</button>');
    expect(first).not.toContain('id="back"');
    const later = toHtml(stepFrameView('documents', [], { back: true, returnToCheck: true }, inVietnamese));
    expect(later).toContain('Bước 3/5');
    expect(later).toContain('id="back"');
    expect(later).toContain('Lưu và quay lại trang kiểm tra');
  });
});

import { describe, expect, it } from 'vitest';
import { applicantSeesResults, holderOf, onlineReturnProblem, ResultDetails, resultDocumentCode, resultIssueProblem } from './index.js';

const details = { typeCode: 'kq.g09-01', typeName: 'Giấy chứng nhận', title: 'Giấy chứng nhận quyền sử dụng đất', summary: 'Cấp đổi', scope: 'Toàn quốc' };

describe('electronic result (Decree 118 Art. 22)', () => {
  it('codes the document with the holder ID number and the result-type code', () => {
    const parsed = ResultDetails.parse(details);
    expect(parsed.typeCode).toBe('KQ.G09-01');
    expect(resultDocumentCode({ idNumber: '001190012345' }, parsed.typeCode)).toBe('001190012345-KQ.G09-01');
  });

  it('takes the holder from a person by ID number and from an organisation by tax code', () => {
    const person = { kind: 'person', fullName: 'Bùi Thị Mai', identity: { kind: 'citizenId', number: '001190012345' } } as never;
    const org = { kind: 'organisation', name: 'Công ty TNHH Bình An', taxCode: '0101234565' } as never;
    expect(holderOf(person)).toEqual({ name: 'Bùi Thị Mai', idNumber: '001190012345' });
    expect(holderOf(org)).toEqual({ name: 'Công ty TNHH Bình An', idNumber: '0101234565' });
  });

  it('refuses a validity that ends before it starts, and a bad type code', () => {
    expect(ResultDetails.safeParse({ ...details, validFrom: '2027-01-02', validUntil: '2027-01-01' }).success).toBe(false);
    expect(ResultDetails.safeParse({ ...details, typeCode: 'x' }).success).toBe(false);
    expect(ResultDetails.safeParse({ ...details, validFrom: '2027-01-01', validUntil: '2027-01-01' }).success).toBe(true);
  });

  it('is issued by the handler or lead of the agency holding the dossier, while handled or decided', () => {
    const d = { status: 'processing', receivingAgencyId: 'A', currentStep: { agencyId: 'B', since: new Date() } } as const;
    expect(resultIssueProblem(d, { role: 'handler', agencyId: 'B' })).toBeUndefined();
    expect(resultIssueProblem({ ...d, status: 'resolved' }, { role: 'lead', agencyId: 'B' })).toBeUndefined();
    expect(resultIssueProblem(d, { role: 'handler', agencyId: 'A' })?.reason).toBe('agency');
    expect(resultIssueProblem(d, { role: 'receptionist', agencyId: 'B' })?.reason).toBe('role');
    expect(resultIssueProblem({ ...d, status: 'returned' }, { role: 'handler', agencyId: 'B' })?.reason).toBe('status');
    expect(resultIssueProblem({ status: 'processing', receivingAgencyId: 'A' }, { role: 'handler', agencyId: 'A' })).toBeUndefined();
  });

  it('reaches the applicant once returned; returning online needs one', () => {
    expect(applicantSeesResults({ status: 'resolved' })).toBe(false);
    expect(applicantSeesResults({ status: 'returned' })).toBe(true);
    expect(onlineReturnProblem('online', 0)?.vi).toMatch(/kết quả điện tử/);
    expect(onlineReturnProblem('online', 1)).toBeUndefined();
    expect(onlineReturnProblem('desk', 0)).toBeUndefined();
  });
});

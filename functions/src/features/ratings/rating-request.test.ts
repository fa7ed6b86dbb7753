import { describe, expect, it } from 'vitest';
import { Role } from '../../domain/index.js';
import { channelDecision, ratingCounters, ratingOf, SubmitRatingRequest } from './rating-request.js';
import { ratingState } from '../../domain/index.js';

const valid = {
  requestId: 'rate-0001-abcd',
  code: '000.00.01.H99-260701-0001',
  channel: 'online',
  satisfaction: 'satisfied',
  officerAttitudeComplaint: false,
};

describe('SubmitRatingRequest', () => {
  it('accepts the documented body, with or without token and comment', () => {
    expect(SubmitRatingRequest.safeParse(valid).success).toBe(true);
    expect(SubmitRatingRequest.safeParse({ ...valid, token: 'abc_-9', comment: ' Cảm ơn ' }).data?.comment).toBe('Cảm ơn');
  });
  it.each([
    [{ ...valid, channel: 'paperSlip' }, 'channel'],
    [{ ...valid, satisfaction: 'great' }, 'satisfaction'],
    [{ ...valid, officerAttitudeComplaint: 'no' }, 'officerAttitudeComplaint'],
    [{ ...valid, code: '1.012792' }, 'code'],
    [{ ...valid, requestId: 'short' }, 'requestId'],
    [{ ...valid, token: 'not base64!' }, 'token'],
    [{ ...valid, comment: 'x'.repeat(2001) }, 'comment'],
    [{ ...valid, userId: 'u1' }, ''],
    [{ ...valid, agencyId: '000.00.01.H99' }, ''],
  ])('refuses %o at %s', (body, path) => {
    const parsed = SubmitRatingRequest.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path.join('.')).toBe(path);
  });
});

describe('the proof of a desk rating (issue 12, finding 3)', () => {
  const desk = { ...valid, channel: 'deskDevice' };
  it('needs the receipt: its QR token or its printed rating code, never the code alone', () => {
    const bare = SubmitRatingRequest.safeParse(desk);
    expect(bare.success).toBe(false);
    expect(bare.error!.issues.map((i) => i.path.join('.'))).toEqual(['ratingCode']);
    expect(SubmitRatingRequest.safeParse({ ...desk, token: 'abc_-9' }).success).toBe(true);
    expect(SubmitRatingRequest.safeParse({ ...desk, ratingCode: '1234 5678' }).data?.ratingCode).toBe('12345678');
    expect(SubmitRatingRequest.safeParse({ ...desk, ratingCode: '1234-5678' }).data?.ratingCode).toBe('12345678');
  });
  it.each(['1234567', '123456789', 'abcdefgh', '', '1'.repeat(21)])('refuses the rating code %j', (ratingCode) => {
    const parsed = SubmitRatingRequest.safeParse({ ...desk, ratingCode });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path.join('.')).toBe('ratingCode');
  });
  it('is for the desk only: online, the token or the owner’s session', () => {
    const parsed = SubmitRatingRequest.safeParse({ ...valid, ratingCode: '12345678' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path.join('.')).toBe('ratingCode');
  });
});

describe('channelDecision', () => {
  const expected: Record<string, Record<'online' | 'deskDevice', string>> = {
    anonymous: { online: 'ok', deskDevice: 'unauthenticated' },
    citizen: { online: 'ok', deskDevice: 'forbidden' },
    kiosk: { online: 'forbidden', deskDevice: 'ok' },
    receptionist: { online: 'forbidden', deskDevice: 'forbidden' },
    handler: { online: 'forbidden', deskDevice: 'forbidden' },
    lead: { online: 'forbidden', deskDevice: 'forbidden' },
    admin: { online: 'forbidden', deskDevice: 'forbidden' },
    monitor: { online: 'forbidden', deskDevice: 'forbidden' },
    system: { online: 'forbidden', deskDevice: 'forbidden' },
  };
  it('covers every role', () => {
    expect(Object.keys(expected).filter((r) => r !== 'anonymous').sort()).toEqual([...Role.options].sort());
  });
  it.each(Object.entries(expected).flatMap(([role, byChannel]) => Object.entries(byChannel).map(([channel, answer]) => [role, channel, answer] as const)))(
    '%s via %s → %s',
    (role, channel, answer) => {
      expect(channelDecision(role === 'anonymous' ? undefined : (role as Role), channel as 'online' | 'deskDevice')).toBe(answer);
    },
  );
});

describe('ratingOf and its counters', () => {
  const now = new Date('2026-07-20T03:00:00Z');
  const dossier = { id: 'd1', receivingAgencyId: '000.00.01.H99' };
  it('stores the domain rating without the rater; a complaint waits for verification', () => {
    const r = ratingOf({ channel: 'online', satisfaction: 'dissatisfied', officerAttitudeComplaint: true, comment: 'Chờ lâu' }, dossier, now);
    expect(r).toEqual({
      dossierId: 'd1',
      agencyId: '000.00.01.H99',
      channel: 'online',
      ratedAt: now,
      satisfaction: 'dissatisfied',
      officerAttitudeComplaint: true,
      comment: 'Chờ lâu',
      complaintVerification: 'pending',
    });
    expect(ratingCounters(r)).toEqual({ rated: 1, satisfaction: { dissatisfied: 1 }, attitudeComplaints: 1 });
    const plain = ratingOf({ channel: 'deskDevice', satisfaction: 'verySatisfied', officerAttitudeComplaint: false }, dossier, now);
    expect(plain.complaintVerification).toBe('none');
    expect('comment' in plain).toBe(false);
    expect(ratingCounters(plain)).toEqual({ rated: 1, satisfaction: { verySatisfied: 1 } });
  });
  it('ratingState: rateable only when returned and not rated', () => {
    expect(ratingState('returned', false)).toEqual({ rateable: true, rated: false });
    expect(ratingState('returned', true)).toEqual({ rateable: false, rated: true });
    expect(ratingState('resolved', false)).toEqual({ rateable: false, rated: false });
  });
});

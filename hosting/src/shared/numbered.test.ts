import { describe, expect, it } from 'vitest';
import type { PublicDossierView, SubmissionAnswer } from '../../../functions/src/contract/index.js';
import { CodeStillPending, untilNumbered } from './numbered.js';

const pending: SubmissionAnswer = {
  pending: { dossierId: 'd1', requestId: 'r1', retryAfterSeconds: 5, message: { vi: 'Đang cấp mã', en: 'Code being assigned' } },
};
const dossier = { id: 'd1', code: '000.21.03.H99-270906-0001' } as unknown as PublicDossierView;

describe('untilNumbered', () => {
  it('sends the same request again while the code is being assigned, then gives the numbered dossier', async () => {
    const answers: SubmissionAnswer[] = [pending, pending, { dossier, event: { version: 1, type: 'submit', at: '', hash: '' }, allowedActions: [] }];
    const slept: number[] = [];
    let told = 0;
    const got = await untilNumbered(
      async () => answers.shift()!,
      () => (told += 1),
      async (ms) => void slept.push(ms),
    );
    expect(got).toBe(dossier);
    expect(told).toBe(2);
    expect(slept).toEqual([5000, 5000]);
  });

  it('stops asking after about three minutes and says the dossier is received', async () => {
    let sent = 0;
    const outcome = untilNumbered(
      async () => {
        sent += 1;
        return pending;
      },
      () => undefined,
      async () => undefined,
    );
    await expect(outcome).rejects.toBeInstanceOf(CodeStillPending);
    await expect(outcome).rejects.toMatchObject({ bilingual: { vi: 'Đang cấp mã', en: 'Code being assigned' } });
    expect(sent).toBe(37);
  });
});

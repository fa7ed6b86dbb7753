// A submission or a walk-in answers 202 while the desk's code allocator is busier than the server's wait
// (ADR 0012): the dossier is received, its code is being assigned. Sending the same request again (same
// requestId) is safe and answers the numbered dossier once it exists, so pages send it again until then.
import type { CodePendingAnswer, PublicDossierView, SubmissionAnswer } from '../../../functions/src/contract/index.js';
import type { Bilingual } from './api.js';

/** How many times a page asks again before it lets the person decide (about three minutes). */
const MAX_ASKS = 36;

/** Still pending after the asks: the message tells the person the dossier is safe and how to get the code. */
export class CodeStillPending extends Error {
  constructor(readonly pending: CodePendingAnswer['pending']) {
    super(pending.message.en);
    this.name = 'CodeStillPending';
  }
  get bilingual(): Bilingual {
    return this.pending.message;
  }
}

export async function untilNumbered(
  send: () => Promise<SubmissionAnswer>,
  onPending: (pending: CodePendingAnswer['pending']) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<PublicDossierView> {
  for (let ask = 0; ; ask++) {
    const answer = await send();
    if ('dossier' in answer) return answer.dossier;
    if (ask >= MAX_ASKS) throw new CodeStillPending(answer.pending);
    onPending(answer.pending);
    await sleep(Math.max(1, answer.pending.retryAfterSeconds) * 1000);
  }
}

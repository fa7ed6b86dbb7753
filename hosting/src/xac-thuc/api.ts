// The two calls of the verification page (docs/API.md): the uploaded PDF checked, or what the province
// issued under the code in the address. No sign-in and no Firebase SDK: plain fetch through the contract.
import { callRoute, type DocumentLookupAnswer, type VerificationAnswer } from '../../../functions/src/contract/index.js';
import { api } from '../shared/api.js';

export type { DocumentLookupAnswer, VerificationAnswer };

/** POST /api/verifications: a 10 MB file on a slow link takes a while, hence the longer wait. */
export function verifyFile(file: File): Promise<VerificationAnswer> {
  const form = new FormData();
  form.append('file', file, file.name);
  return callRoute('verifyDocument', { body: form }, { timeoutMs: 120_000 });
}

export const lookupRef = (ref: string): Promise<DocumentLookupAnswer> => api('lookupDocument', { params: { ref } });

// The procedure named in the address (/thu-tuc/<code>), once loaded, or why it could not be.
import { ApiCallError, describeError, type Bilingual } from '../shared/api.js';
import { fetchProcedure, type Detail } from './api.js';

export const code = decodeURIComponent(location.pathname.replace(/^\/thu-tuc\/?/, '').replace(/\/$/, ''));

export const page: { detail?: Detail; failure?: { message: Bilingual; notFound: boolean } } = {};

export async function load(): Promise<void> {
  try {
    page.detail = await fetchProcedure(code);
  } catch (err) {
    page.failure = { message: describeError(err), notFound: err instanceof ApiCallError && err.status === 404 };
  }
}

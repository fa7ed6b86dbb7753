// The catalogue as loaded, each procedure with its text folded for searching, and which procedures the
// filters select.
// Plain module variables, not an object: on the landing page every byte counts (bench/citizen-page.ts).
import { describeError, type Bilingual } from '../shared/api.js';
import { foldVietnamese, searchScore } from '../shared/search-text.js';
import { fetchCatalogue, type ProcedureSummary } from './api.js';

export type Indexed = ProcedureSummary & { folded: string; terms: string[] };

/** The whole catalogue once loaded. */
export let all: Indexed[] | undefined;
/** Why the catalogue could not be loaded. */
export let loadError: Bilingual | undefined;

export async function loadCatalogue(): Promise<void> {
  loadError = undefined;
  try {
    all = (await fetchCatalogue()).map((p) => {
      const terms = (p.searchTerms ?? []).map(foldVietnamese);
      return { ...p, terms, folded: foldVietnamese(`${p.code} ${p.name.vi} ${p.name.en} ${p.fieldName.vi} ${p.fieldName.en} ${terms.join(' ')}`) };
    });
  } catch (err) {
    loadError = describeError(err);
  }
}

/**
 * The procedures of the loaded catalogue that the search words, field and level select, best answers
 * first (an everyday name such as "sổ đỏ" before a mere word match); ties keep the catalogue's order.
 */
export function matching(query: string, field: string, level: string): Indexed[] {
  return all!
    .filter((p) => (!field || p.field === field) && (!level || (p.competentLevels ?? []).includes(level)))
    .map((p, i) => ({ p, i, score: searchScore(p.folded, p.terms, query) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.p);
}

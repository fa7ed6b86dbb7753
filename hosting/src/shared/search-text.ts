// Search that forgives missing diacritics: "dat dai" finds "đất đai", as people type on phones without a
// Vietnamese keyboard.

/** Lower case without tone or vowel marks; đ → d (it is a separate letter, not a decomposable mark). */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every word of the query appears in the folded text (word order free). */
export function matchesQuery(foldedText: string, query: string): boolean {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  return words.every((w) => foldedText.includes(w));
}

/**
 * How well a procedure answers the query, 0 when it does not: an everyday name it is known by (`terms`,
 * folded) that is exactly the query ranks first (4: "so do" → "sổ đỏ"); one that holds the query or is held
 * by it next (3: "sang ten so do"); the query as a phrase in its text (2); every word somewhere in its
 * text last (1). Matching ignores Vietnamese marks and case.
 */
export function searchScore(foldedText: string, foldedTerms: readonly string[], query: string): number {
  const q = foldVietnamese(query);
  if (!q) return 1;
  if (foldedTerms.includes(q)) return 4;
  // Short queries ("so") would match half the terms: only whole names count below four letters.
  if (q.length >= 4 && foldedTerms.some((term) => term.includes(q) || q.includes(term))) return 3;
  if (foldedText.includes(q)) return 2;
  return matchesQuery(foldedText, query) ? 1 : 0;
}

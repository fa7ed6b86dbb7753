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

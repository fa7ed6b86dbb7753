// The one font of every slip: Noto Sans (SIL Open Font License), which covers all of Vietnamese.
// pdfkit embeds only the glyphs used (a subset). A character the font lacks must never print as a
// blank box on a legal document, so drawing it is an error (see SlipWriter.checkGlyphs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
} as const;
export type FontWeight = keyof typeof FONT_FILES;

const cache = new Map<FontWeight, Buffer>();

/** The TTF bytes, read once per instance. */
export function fontBytes(weight: FontWeight): Buffer {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = readFileSync(FONT_FILES[weight]);
    cache.set(weight, bytes);
  }
  return bytes;
}

export class MissingGlyphError extends Error {
  constructor(
    readonly codePoint: number,
    readonly text: string,
  ) {
    super(`The slip font has no glyph for U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} in ${JSON.stringify(text)}`);
    this.name = 'MissingGlyphError';
  }
}

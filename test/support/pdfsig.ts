// Test support: what poppler's `pdfsig` (an independent PAdES verifier, from Debian's poppler-utils, built
// on NSS) says about a PDF's signatures. Required: without it the signature tests fail with this message.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type PdfsigSignature = {
  commonName: string;
  signingTime: string;
  type: string;
  /** "Signature is Valid.", "Digest Mismatch.", … */
  validation: string;
  /** "Total document signed" or "Not total document signed". */
  coverage: string;
};

/** pdfsig's report of every signature (empty when the file has none). */
export function pdfsig(pdf: Buffer): PdfsigSignature[] {
  const dir = mkdtempSync(join(tmpdir(), 'pdfsig-'));
  try {
    const path = join(dir, 'doc.pdf');
    writeFileSync(path, pdf);
    let out: string;
    try {
      out = execFileSync('pdfsig', [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      const e = err as NodeJS.ErrnoException & { stdout?: string; status?: number };
      if (e.code === 'ENOENT') throw new Error('pdfsig is not installed: the signature tests need poppler-utils (apt-get install poppler-utils)');
      // pdfsig exits non-zero for unsigned files and for invalid signatures; its report is still on stdout.
      out = e.stdout ?? '';
    }
    return out
      .split(/^Signature #\d+:$/m)
      .slice(1)
      .map((block) => {
        const field = (label: string) => new RegExp(`- ${label}: (.*)$`, 'm').exec(block)?.[1]?.trim() ?? '';
        return {
          commonName: field('Signer Certificate Common Name'),
          signingTime: field('Signing Time'),
          type: field('Signature Type'),
          validation: field('Signature Validation'),
          coverage: /Total document signed/.test(block) && !/Not total document signed/.test(block) ? 'Total document signed' : 'Not total document signed',
        };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

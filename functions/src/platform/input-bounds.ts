// Bounds on the shape of what a client sends, checked by the router before any handler runs. The
// platform has already parsed the JSON body (its parser copes with any depth), but everything after it —
// zod, the idempotency fingerprint, Firestore (maps at most 20 deep) — walks values recursively, and an
// action nested a few thousand levels deep once overflowed the stack into a 500. Bounding depth and size
// here, with a walk that is itself iterative, keeps every endpoint safe whatever its schema.
import { ApiError } from './api-error.js';

export const INPUT_BOUNDS = {
  /** Nesting of objects and arrays. Our deepest request (a supplement's components) is 4 levels. */
  maxDepth: 32,
  /** Keys of one object. Our widest (an applicant) has about a dozen. */
  maxKeys: 200,
  /** Items of one array. Our longest are 50 components of 20 files each. */
  maxItems: 1000,
  /** Objects, arrays and values in one input. A full submission has about 1,300. */
  maxValues: 20_000,
} as const;

export type InputBounds = { [K in keyof typeof INPUT_BOUNDS]: number };

/** Only values the JSON or query parser builds are walked: a Buffer body (uploads) is one value. */
function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The first bound `input` breaks, with where, or undefined when it is within every bound. */
export function findBoundBreach(
  input: unknown,
  bounds: InputBounds = INPUT_BOUNDS,
): { path: string; bound: keyof InputBounds } | undefined {
  const stack: { value: unknown; depth: number; path: readonly string[] }[] = [
    { value: input, depth: 0, path: [] },
  ];
  let values = 1;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (!isContainer(value)) continue;
    if (depth >= bounds.maxDepth) return { path: path.join('.'), bound: 'maxDepth' };
    const keys = Array.isArray(value) ? undefined : Object.keys(value);
    const size = keys ? keys.length : (value as unknown[]).length;
    if (size > (keys ? bounds.maxKeys : bounds.maxItems))
      return { path: path.join('.'), bound: keys ? 'maxKeys' : 'maxItems' };
    // Counted as they are found, so the walk's own stack stays within the bounds too.
    values += size;
    if (values > bounds.maxValues) return { path: path.join('.'), bound: 'maxValues' };
    for (let i = 0; i < size; i++) {
      const key = keys ? keys[i]! : String(i);
      const child = keys ? (value as Record<string, unknown>)[key] : (value as unknown[])[i];
      stack.push({ value: child, depth: depth + 1, path: [...path, key] });
    }
  }
  return undefined;
}

const BREACH_MESSAGES: Record<keyof InputBounds, (n: number) => { vi: string; en: string }> = {
  maxDepth: (n) => ({ vi: `Lồng nhau quá ${n} cấp`, en: `nested more than ${n} levels deep` }),
  maxKeys: (n) => ({ vi: `Nhiều hơn ${n} trường`, en: `more than ${n} fields` }),
  maxItems: (n) => ({ vi: `Nhiều hơn ${n} mục`, en: `more than ${n} items` }),
  maxValues: (n) => ({ vi: `Nhiều hơn ${n} giá trị`, en: `more than ${n} values` }),
};

/** Throws the API's 400 when `input` (a body or a query) breaks a bound; `where` prefixes the path. */
export function assertWithinBounds(
  input: unknown,
  where: '' | 'query',
  bounds: InputBounds = INPUT_BOUNDS,
): void {
  const breach = findBoundBreach(input, bounds);
  if (!breach) return;
  // A path 32 keys long of client-chosen keys could itself be huge: it is cut, it only has to point.
  const full = [where, breach.path].filter(Boolean).join('.');
  const path = full.length > 200 ? `${full.slice(0, 200)}…` : full;
  throw new ApiError(
    'invalid-argument',
    {
      vi: 'Dữ liệu gửi lên quá lớn hoặc lồng nhau quá sâu.',
      en: 'The submitted data is too large or nested too deeply.',
    },
    [{ path, message: BREACH_MESSAGES[breach.bound](bounds[breach.bound]) }],
  );
}

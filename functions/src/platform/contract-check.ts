// Compile-time checks that a request schema (zod, server side) and the contract's body type (zod-free,
// shared with pages and tests) accept the same values: `type _X = Agrees<SameShape<z.input<typeof S>, Body>>`
// fails the typecheck ("false does not satisfy true") when either side changes alone.
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Agrees<T extends true> = T;

// How a value looks on the wire. The server hands Dates to JSON.stringify, which writes ISO strings; the
// contract states answers as the client receives them (`Json<T>`), and the server's bodies are checked
// against them with `Encodes<W>` (a Date is accepted wherever the wire has a string).

/** `T` after JSON: Dates become ISO strings, recursively. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer E)[]
    ? Json<E>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/** What the server may send for a wire type `W`: the same shape, with a Date where `W` has a string. */
export type Encodes<W> = W extends string
  ? W | Date
  : W extends readonly (infer E)[]
    ? readonly Encodes<E>[]
    : W extends object
      ? { [K in keyof W]: Encodes<W[K]> }
      : W;

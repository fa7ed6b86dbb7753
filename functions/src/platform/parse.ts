// The one way a handler reads outside input: a zod schema, and on failure the API's invalid-argument error
// with field details (nothing is written before this passes).
import type { z } from 'zod';
import { invalidInput } from './api-error.js';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

// The one error type domain code throws (or returns, for expected outcomes such as a refused transition).
// `code` is stable for programs; `messages` is for people; `details` carries structured context.
import type { Bilingual } from './bilingual.js';

export class DomainError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly messages: Bilingual;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: Code, messages: Bilingual, details: Record<string, unknown> = {}) {
    // "vi / en" so that a plain log line or an uncaught error is readable in both languages.
    super(`${messages.vi} / ${messages.en}`);
    this.name = new.target.name;
    this.code = code;
    this.messages = messages;
    this.details = details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

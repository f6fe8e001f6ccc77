/**
 * Errors as codes with parameters, never as sentences: the background, the
 * import and the validation say *what* went wrong (`import.tooLarge` with
 * `{ size, limit }`), and the page says it in the reader's language
 * (glossary/error-messages.ts). The English text is kept as the Error's `message` for
 * logs and the command line.
 *
 * Parameters hold numbers, our own identifiers (`field: 'kk.term'`, which the
 * catalogue translates) or what a file or a user supplied (a column name, a
 * file name), which is shown as it is.
 */
import {
  ENGLISH_ERRORS,
  formatErrorWith,
  isErrorCodeKey,
  type ErrorCode,
  type WhereCode,
} from './error-messages-en';

export type { ErrorCode, WhereCode } from './error-messages-en';

export type ErrorParams = Record<string, string | number>;

/** The place in a file an import error concerns: an entry, a row, a line. */
export interface WhereInfo {
  code: WhereCode;
  params?: ErrorParams;
}

/** An error as it crosses the message channel: `{ error: ErrorInfo }`. */
export interface ErrorInfo {
  code: ErrorCode;
  params?: ErrorParams;
  where?: WhereInfo;
}

export class CodedError extends Error {
  override name = 'CodedError';
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    readonly where: WhereInfo | null = null,
  ) {
    super(formatErrorWith(ENGLISH_ERRORS, { code, params, ...(where ? { where } : {}) }));
  }

  /** The same error placed in a file (an entry, a row). */
  at(where: WhereInfo): CodedError {
    return new CodedError(this.code, this.params, where);
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, params: this.params };
    if (this.where) info.where = this.where;
    return info;
  }
}

export function isErrorCode(x: unknown): x is ErrorCode {
  return typeof x === 'string' && isErrorCodeKey(x);
}

/** An `{ error }` answer of the background, when it is one in our format. */
export function errorInfoOf(x: unknown): ErrorInfo | null {
  if (!x || typeof x !== 'object') return null;
  const e = x as { code?: unknown; params?: unknown; where?: unknown };
  if (!isErrorCode(e.code)) return null;
  const info: ErrorInfo = { code: e.code };
  if (e.params && typeof e.params === 'object') info.params = e.params as ErrorParams;
  if (e.where && typeof e.where === 'object') info.where = e.where as WhereInfo;
  return info;
}

/**
 * What a failed `runtime.sendMessage` means to the reader. The browser rejects
 * with its own English text when the service worker stopped while it held the
 * request ("message channel closed", "Receiving end does not exist",
 * "Extension context invalidated"); every one of those asks the reader to try
 * again, so they become one code.
 */
export function channelError(_err: unknown): CodedError {
  return new CodedError('error.restarted');
}

/** Any thrown value as an ErrorInfo: ours as they are, anything else as an internal error. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof CodedError) return err.toInfo();
  return { code: 'error.internal' };
}

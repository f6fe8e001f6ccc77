/**
 * The one way a page asks the background (lib/protocol.ts): typed by the
 * request map, so a caller cannot send a request the background does not
 * know or misread its answer. The background answers an invalid request with
 * `{ error: { code, params } }`; that becomes a thrown CodedError here, which
 * the page translates. A service worker stopped while it held the request
 * (the browser's "message channel closed") becomes `error.restarted`: "the
 * extension was restarted, please try again".
 */
import { browser } from 'wxt/browser';
import { channelError, CodedError, errorInfoOf } from '../glossary/errors';
import type { NoParams, ParamsOf, RequestType, ResponseOf } from './protocol';

/** The parameters argument: optional for requests that take none. */
type ParamsArg<K extends RequestType> =
  NoParams extends ParamsOf<K> ? [params?: ParamsOf<K>] : [params: ParamsOf<K>];

export async function ask<K extends RequestType>(
  type: K,
  ...[params]: ParamsArg<K>
): Promise<ResponseOf<K>> {
  let res: unknown;
  try {
    res = await browser.runtime.sendMessage({ ...(params ?? {}), type });
  } catch (err) {
    throw channelError(err);
  }
  // The listener always answers; nothing at all means the worker went away first.
  if (res === undefined) throw channelError(null);
  if (res && typeof res === 'object' && 'error' in res) {
    const info = errorInfoOf(res.error);
    throw info ? new CodedError(info.code, info.params, info.where ?? null) : channelError(null);
  }
  return res as ResponseOf<K>;
}

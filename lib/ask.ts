/**
 * One request to the background (lib/protocol.ts). The background answers an
 * invalid request with `{ error: { code, params } }`; that becomes a thrown
 * CodedError here, which the page translates. A service worker stopped while
 * it held the request (the browser's "message channel closed") becomes
 * `error.restarted`: "the extension was restarted, please try again".
 */
import { browser } from 'wxt/browser';
import { channelError, CodedError, errorInfoOf } from '../glossary/errors';
import type { Request } from './protocol';

export async function ask<T>(request: Request): Promise<T> {
  let res: unknown;
  try {
    res = await browser.runtime.sendMessage(request);
  } catch (err) {
    throw channelError(err);
  }
  // The listener always answers; nothing at all means the worker went away first.
  if (res === undefined) throw channelError(null);
  if (res && typeof res === 'object' && 'error' in res) {
    const info = errorInfoOf(res.error);
    throw info ? new CodedError(info.code, info.params, info.where ?? null) : channelError(null);
  }
  return res as T;
}

/**
 * One request to the background (lib/protocol.ts). The background answers an
 * invalid request with `{ error }`; that becomes a thrown Error here.
 */
import { browser } from 'wxt/browser';
import type { Request } from './protocol';

export async function ask<T>(request: Request): Promise<T> {
  const res: unknown = await browser.runtime.sendMessage(request);
  if (res && typeof res === 'object' && 'error' in res) throw new Error(String(res.error));
  return res as T;
}

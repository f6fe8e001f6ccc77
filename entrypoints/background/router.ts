/**
 * The background's door: every message from a page is checked against its
 * request's schema (lib/request-schemas.ts) and handed to the one handler for
 * its type. Whatever goes wrong is answered as `{ error: ErrorInfo }` — a
 * code the page translates, never a sentence; what is not ours is logged here
 * and reaches the page as "could not do that". Free of browser APIs, for the
 * unit tests.
 */
import { CodedError, toErrorInfo } from '../../glossary/errors';
import type { Broadcast, ParamsOf, RequestType, ResponseOf } from '../../lib/protocol';
import { parseRequest } from '../../lib/request-schemas';

/** What a handler answers, and the broadcasts to send once the answer is on its way. */
export interface Handled<T = unknown> {
  response: T;
  broadcasts: Broadcast[];
}

/** Where a request came from: its tab, for requests about the page. */
export interface Sender {
  tabId?: number;
  /** A web page's content script sent it (not one of the extension's own pages). */
  page?: boolean;
}

export type Handler<K extends RequestType> = (
  params: ParamsOf<K>,
  sender: Sender,
) => Promise<Handled<ResponseOf<K>>>;

export type Handlers<K extends RequestType = RequestType> = { [T in K]: Handler<T> };

/** An answer with no broadcast. */
export const answer = <T>(response: T): Handled<T> => ({ response, broadcasts: [] });

/**
 * Route one raw message. `handlers` may cover only some types (the unit tests
 * route to the database's handlers alone); any other type is `request.unknownType`.
 */
export async function route(
  handlers: Partial<Handlers>,
  raw: unknown,
  sender: Sender = {},
): Promise<Handled> {
  try {
    const request = parseRequest(raw);
    const handler = handlers[request.type] as Handler<RequestType> | undefined;
    if (!handler) throw new CodedError('request.unknownType', { type: request.type });
    return await handler(request, sender);
  } catch (err) {
    if (!(err instanceof CodedError)) console.error('Ata Zan:', err);
    return { response: { error: toErrorInfo(err) }, broadcasts: [] };
  }
}

/**
 * Values made once: a loader read once (`once`), a value made on first use
 * (`lazily`), a promise resolved once from outside (`pending`).
 */

/** A loader that reads once and answers the same promise after; a failed read is tried again next time. */
export function once<T>(read: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  return () => {
    value ??= read();
    value.catch(() => (value = null));
    return value;
  };
}

/** `make`'s value, made on the first call (`once` is its asynchronous, retrying kin). */
export function lazily<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

/** A promise resolved from outside, and what it was resolved with. */
export function pending<T>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  settled: T | null;
} {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  const out = {
    promise,
    settled: null as T | null,
    resolve: (value: T) => {
      out.settled = value;
      resolve(value);
    },
  };
  return out;
}

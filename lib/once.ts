/** A loader that reads once and answers the same promise after; a failed read is tried again next time. */
export function once<T>(read: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  return () => {
    value ??= read();
    value.catch(() => (value = null));
    return value;
  };
}

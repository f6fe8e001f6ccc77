/**
 * A parsed file's entries sent to the background in chunks (`import/begin`,
 * `import/chunk` × n, `import/commit`), so a termbase of tens of thousands of
 * entries never travels as one message and the page can show how far it is.
 * A few chunks travel at once. The background writes nothing before the
 * commit; an abort sends `import/cancel`, which drops what was sent or aborts
 * the commit's transaction.
 */
import { CodedError } from '../glossary/errors';
import type { Entry } from '../glossary/types';
import type { ask as askFn } from '../lib/client';
import type { DuplicatePolicy, ImportSummary } from '../lib/protocol';

/** Entries per message: large enough that the round trips do not add up, small enough to report progress often. */
export const IMPORT_CHUNK = 2000;
/**
 * Chunks on their way at once: the page packs the next while the background
 * checks the one before (the background puts them in file order by offset).
 */
export const IMPORT_IN_FLIGHT = 3;

export interface ImportProgress {
  /** Entries the background has received and checked. */
  sent: number;
  total: number;
  /** `saving` once every chunk is sent and the background writes them. */
  phase: 'sending' | 'saving';
}

export async function streamImport(
  ask: typeof askFn,
  entries: readonly Entry[],
  policy: DuplicatePolicy,
  name: string,
  onProgress: (p: ImportProgress) => void,
  signal: AbortSignal,
): Promise<ImportSummary> {
  const total = entries.length;
  const { importId } = await ask('import/begin', { policy, name });
  const cancel = () => void ask('import/cancel', { importId }).catch(() => undefined);
  if (signal.aborted) cancel();
  signal.addEventListener('abort', cancel, { once: true });
  const stopIfCancelled = () => {
    if (signal.aborted) throw new CodedError('import.cancelled');
  };
  /** Chunks sent and not yet answered, oldest first. */
  const inFlight: Promise<{ received: number }>[] = [];
  let sent = 0;
  const answered = async () => {
    const { received } = await inFlight.shift()!;
    sent = Math.max(sent, received);
    onProgress({ sent, total, phase: 'sending' });
  };
  try {
    onProgress({ sent: 0, total, phase: 'sending' });
    for (let at = 0; at < total; at += IMPORT_CHUNK) {
      stopIfCancelled();
      const chunk = entries.slice(at, at + IMPORT_CHUNK);
      const answer = ask('import/chunk', { importId, entries: chunk, offset: at });
      // Handled here so a refusal arriving while an earlier chunk is awaited is not "unhandled";
      // it is thrown when its turn comes.
      answer.catch(() => undefined);
      inFlight.push(answer);
      if (inFlight.length >= IMPORT_IN_FLIGHT) await answered();
    }
    while (inFlight.length > 0) await answered();
    stopIfCancelled();
    onProgress({ sent: total, total, phase: 'saving' });
    return await ask('import/commit', { importId });
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

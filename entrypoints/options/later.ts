/**
 * The parts of the options page that are not needed to show the table: the
 * entry form (with the Constitution's texts its citations are chosen from) and
 * the import panel (whose checks quote the same texts). They load in chunks of
 * their own, the form when a route needs it and both once the table is drawn,
 * so the first rows do not wait for them.
 */
import { useEffect, useState } from 'preact/hooks';
import { once } from '../../lib/once';

export const loadEditor = once(() => import('./editor'));
export const loadImportPanel = once(() => import('../../components/ImportExport'));

/** The module `load` answers, once `needed` (null until it has arrived). */
export function useLater<M>(load: () => Promise<M>, needed: boolean): M | null {
  const [module, setModule] = useState<M | null>(null);
  useEffect(() => {
    if (!needed || module) return;
    let live = true;
    load().then(
      (m) => live && setModule(m),
      // A chunk that failed to load is asked for again the next time it is needed.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [load, needed, module]);
  return module;
}

/**
 * Lists joined end to end. `concat` copies each list in one go, where
 * `flatMap` and spreading go element by element: over a termbase's hundred
 * thousand terms that is tens of milliseconds of a woken worker's load.
 */
export function joinLists<T>(lists: readonly (readonly T[])[]): T[] {
  return ([] as T[]).concat(...lists);
}

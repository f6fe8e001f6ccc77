/**
 * The background's compiled matcher, rebuilt when the glossary revision
 * changes. Compiling a few hundred entries takes a few hundred milliseconds,
 * far over the 50 ms a page's main thread can spare, so it happens once here
 * instead of in every tab, and tabs send their text to be scanned
 * (`text/scan`). Kept free of browser APIs for the unit tests.
 */
import { compileMatcher, matchableOf, type Matcher } from '../glossary/matcher';
import type { GlossarySnapshot, ScanResult } from './protocol';

interface Compiled {
  revision: number;
  matcher: Matcher;
  /** Ids of personal entries and overrides. */
  personal: Set<string>;
}

export class MatcherCache {
  private compiled: Compiled | null = null;

  constructor(private readonly snapshot: () => Promise<GlossarySnapshot>) {}

  /** The matcher for the current snapshot (compiled on first use after a change). */
  async get(): Promise<Compiled> {
    const snap = await this.snapshot();
    if (this.compiled?.revision !== snap.revision) {
      this.compiled = {
        revision: snap.revision,
        matcher: compileMatcher(snap.entries.map(matchableOf)),
        personal: new Set(snap.entries.filter((e) => e.source === 'personal').map((e) => e.id)),
      };
    }
    return this.compiled;
  }

  async scan(texts: readonly string[]): Promise<ScanResult> {
    const { revision, matcher, personal } = await this.get();
    const matches = texts.map((t) => matcher.scan(t));
    const ids = new Set<string>();
    for (const list of matches) for (const m of list) if (personal.has(m.id)) ids.add(m.id);
    return { revision, matches, personal: [...ids] };
  }
}

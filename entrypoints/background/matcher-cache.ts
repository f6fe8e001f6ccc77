/**
 * The background's compiled matcher, rebuilt when the glossary revision
 * changes. Compiling the bundled entries takes about 140 ms the first time,
 * over the 50 ms a page's main thread can spare, so it happens once here
 * instead of in every tab, and tabs send their text to be scanned
 * (`text/scan`). Each answer goes through the context step
 * (glossary/context.ts: senses, quiet words, abbreviations in capitals), the
 * same the CLI runs, so a page highlights what `npm run scan` reports. Kept
 * free of browser APIs for the unit tests.
 */
import { ContextResolver, ruledOf } from '../../glossary/context';
import { compileMatcher, matchableOf, type Matcher } from '../../glossary/matcher';
import type { GlossarySnapshot } from '../../lib/protocol';
import { ScanEncoder, type ScanResult } from '../../lib/scan-wire';

interface Compiled {
  revision: number;
  matcher: Matcher;
  /** The context step over the matcher's spans; its `terms` are the ones answers refer to. */
  context: ContextResolver;
  /** Packs answers over this glossary (personal entries flagged as such). */
  encoder: ScanEncoder;
}

export class MatcherCache {
  private compiled: Compiled | null = null;

  constructor(
    private readonly snapshot: () => Promise<GlossarySnapshot>,
    /** How a snapshot's entries become a matcher (replaced in tests). */
    private readonly compile: (entries: GlossarySnapshot['entries']) => Matcher = (entries) =>
      compileMatcher(entries.map(matchableOf)),
  ) {}

  /** The matcher for the current snapshot (compiled on first use after a change). */
  async get(): Promise<Compiled> {
    const snap = await this.snapshot();
    if (this.compiled?.revision !== snap.revision) {
      const matcher = this.compile(snap.entries);
      const context = new ContextResolver(matcher, snap.entries.map(ruledOf));
      const personal = new Set(
        snap.entries.filter((e) => e.source === 'personal').map((e) => e.id),
      );
      this.compiled = {
        revision: snap.revision,
        matcher,
        context,
        encoder: new ScanEncoder(context.terms, personal),
      };
    }
    return this.compiled;
  }

  /** Scan the texts, packed for the message (lib/scan-wire.ts). */
  async scan(texts: readonly string[]): Promise<ScanResult> {
    const { revision, matcher, context, encoder } = await this.get();
    return encoder.encode(
      revision,
      texts.map((text) => {
        const resolved = context.resolve(text, matcher.scanSpans(text));
        return { spans: resolved, senses: resolved.senses };
      }),
    );
  }
}

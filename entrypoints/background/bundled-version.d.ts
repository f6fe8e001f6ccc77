/** The bundled glossary's version, set at build time (wxt.config.ts, vitest.config.ts). */
declare const __ATAZAN_BUNDLED_VERSION__: string;

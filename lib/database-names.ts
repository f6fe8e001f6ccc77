/**
 * The names in the extension's IndexedDB database that pages read directly
 * (the popup reads the stored search index without waking the background);
 * db/database.ts defines the database with them.
 */
export const DB_NAME = 'atazan';

/**
 * `compiledIndex` rows: the compiled matcher (a large termbase's apart, as a
 * second part: see entrypoints/background/stored-index.ts), and the search index.
 */
export const COMPILED_INDEX_KEY = 'glossary';
export const COMPILED_PERSONAL_KEY = 'glossary-personal';
export const SEARCH_INDEX_KEY = 'search';

/** The file of the package that holds the bundled registry's sources, one `{ path, data }` per source file. */
export const BUNDLED_SOURCES_FILE = 'registry-sources.json';

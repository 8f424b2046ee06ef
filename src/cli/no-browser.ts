/**
 * The command line's stand-in for `wxt/browser` (its build aliases it here): the shared code it
 * runs takes its words from a catalogue (`useCatalogue`) and never reaches for a browser API. If
 * it ever does, it says so rather than failing somewhere inside a polyfill.
 */
export const browser: never = new Proxy({} as never, {
  get(_, name) {
    throw new Error(`the command line has no browser API (browser.${String(name)})`);
  },
});

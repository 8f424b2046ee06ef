// Set at build time by wxt.config.ts (CG_REPORT_URL, CG_REPORT_TIMEOUT_MS, CG_REPORT_LIMIT): where
// reports go, how long one delivery attempt may take, and how many reports and feedback a minute
// the extension creates.
declare const __REPORT_SERVICE__: string | null | undefined;
declare const __REPORT_TIMEOUT_MS__: number | undefined;
declare const __REPORT_LIMIT_PER_MINUTE__: number | undefined;

/** Reports go to the companion service, named on its own: the registry's sources may be mirrors. */
export const REPORT_SERVICE: string | undefined =
  typeof __REPORT_SERVICE__ === 'undefined' ? undefined : (__REPORT_SERVICE__ ?? undefined);
export const REPORT_TIMEOUT_MS: number = typeof __REPORT_TIMEOUT_MS__ === 'undefined' ? 15_000 : __REPORT_TIMEOUT_MS__;
export const REPORT_LIMIT_PER_MINUTE: number =
  typeof __REPORT_LIMIT_PER_MINUTE__ === 'undefined' ? 30 : __REPORT_LIMIT_PER_MINUTE__;

import { REGISTRY_SOURCES } from '../registry/build-config';

// Set at build time by wxt.config.ts (CG_REPORT_TIMEOUT_MS, CG_REPORT_LIMIT): how long one
// delivery attempt may take, and how many reports and feedback a minute the extension creates.
declare const __REPORT_TIMEOUT_MS__: number | undefined;
declare const __REPORT_LIMIT_PER_MINUTE__: number | undefined;

/** Reports go to the companion service, the first registry source (mirrors only serve the registry). */
export const REPORT_SERVICE: string | undefined = REGISTRY_SOURCES[0];
export const REPORT_TIMEOUT_MS: number = typeof __REPORT_TIMEOUT_MS__ === 'undefined' ? 15_000 : __REPORT_TIMEOUT_MS__;
export const REPORT_LIMIT_PER_MINUTE: number =
  typeof __REPORT_LIMIT_PER_MINUTE__ === 'undefined' ? 30 : __REPORT_LIMIT_PER_MINUTE__;

/**
 * How far to trust a badge: the judgement's figures on the test part of the gathered real
 * listings (which no rule was tuned on), as `npm run eval -- --publish` measured them and wrote
 * them to accuracy.json. The help page shows them with their date and count.
 */
export interface ChannelAccuracy {
  /** The kind of place the listings were sold: a marketplace, or "standalone-shop", "agent-spreadsheet"… */
  channel: string;
  listings: number;
  /** Listings people judged counterfeit suspects, and the share of them the extension warns on (null: none). */
  suspects: number;
  recall: number | null;
  /** Honest listings (genuine or unbranded), and the share of them it warns on. */
  honest: number;
  falseAlarms: number | null;
}

export interface PublishedAccuracy extends Omit<ChannelAccuracy, 'channel'> {
  /** The day it was measured, YYYY-MM-DD. */
  measuredOn: string;
  /** The share of honest listings rated High. */
  falseHigh: number | null;
  channels: ChannelAccuracy[];
}

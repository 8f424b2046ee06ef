import type { Listing } from '../listing/listing';
import type { Assessment } from '../risk/assessment';
import type { Feedback, Report } from './report';

/** What the reporter's extension adds to every report and feedback. */
export interface ReportContext {
  reporterId: string;
  registryVersion: number;
  extensionVersion: string;
  now: Date;
}

/** A random id for idempotency: 32 hex digits from the platform's random source. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The listing as the report names it: what the page showed, nothing more. */
function reportedListing(listing: Listing): Report['listing'] {
  return {
    key: listing.key,
    url: listing.url,
    title: listing.title,
    ...(listing.price ? { price: { amount: listing.price.amount, currency: listing.price.currency } } : {}),
    ...(listing.seller?.name ? { seller: listing.seller.name } : {}),
    marketplace: listing.marketplace,
  };
}

/**
 * A report of a listing as the reporter saw it: the assessment shown (its level and the
 * reasons that fired, with their parameters) and the registry version behind it.
 */
export function composeReport(
  listing: Listing,
  assessment: Assessment,
  context: ReportContext,
  screenshot?: Report['screenshot'],
): Report {
  return {
    id: randomId(),
    reporterId: context.reporterId,
    withdrawKey: randomId(),
    listing: reportedListing(listing),
    ...(assessment.brand ? { brand: assessment.brand } : {}),
    level: assessment.level,
    reasons: assessment.reasons.slice(0, 20).map(({ code, params }) => ({ code, params })),
    registryVersion: context.registryVersion,
    category: 'counterfeit',
    createdAt: context.now.toISOString(),
    extensionVersion: context.extensionVersion,
    ...(screenshot ? { screenshot } : {}),
  };
}

/**
 * "This is genuine": the listing, the brand it was warned about and the registry version, so the
 * service can weigh the warning it contradicts.
 */
export function composeFeedback(listing: Listing, assessment: Assessment, context: ReportContext): Feedback {
  return {
    id: randomId(),
    reporterId: context.reporterId,
    listing: reportedListing(listing),
    ...(assessment.brand ? { brand: assessment.brand } : {}),
    registryVersion: context.registryVersion,
    createdAt: context.now.toISOString(),
    extensionVersion: context.extensionVersion,
  };
}

/** SHA-256 of the bytes, as lower-case hex. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

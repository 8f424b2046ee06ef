import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { type Report, ReportSchema } from '../../src/reports/report';

/** A report as the extension would send it, checked against the shared schema. */
export function makeReport(
  overrides: Omit<Partial<Report>, 'listing'> & { listing?: Partial<Report['listing']> } = {},
): Report {
  const { listing, ...rest } = overrides;
  return v.parse(ReportSchema, {
    id: randomUUID(),
    reporterId: 'reporter-0000000000000001',
    listing: {
      key: 'ebay:204512345678',
      url: 'https://www.ebay.com/itm/204512345678',
      title: 'Nike Air Force 1 replica',
      price: { amount: 25, currency: 'USD' },
      seller: 'shoe-deals-24',
      marketplace: 'ebay',
      ...listing,
    },
    brand: 'nike',
    level: 'high',
    reasons: [{ code: 'counterfeit_terms', params: { brand: 'Nike', term: 'replica' } }],
    registryVersion: 2,
    category: 'counterfeit',
    // Written a minute ago: the service takes reports written within the last 30 days.
    createdAt: new Date(Date.now() - 60_000).toISOString(),
    extensionVersion: '0.1.0',
    ...rest,
  });
}

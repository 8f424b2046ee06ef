import { storage } from 'wxt/utils/storage';

/** The registry ids of the brands a volunteer audits. */
export const auditBrandsItem = storage.defineItem<string[]>('local:auditBrands', { fallback: [] });

/**
 * A brand volunteer's sign-in with the companion service, and the contact a DSA notice names.
 * The token is the one `token create` printed; it stays on this device and goes only to the service.
 */
export interface Volunteer {
  token?: string;
  name?: string;
  email?: string;
}
export const volunteerItem = storage.defineItem<Volunteer>('local:volunteer', { fallback: {} });

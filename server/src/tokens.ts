import { createHash, randomBytes } from 'node:crypto';
import type { Storage, VolunteerToken } from './storage/types';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Makes a volunteer token for some brands; the token is shown once and only its hash is kept. */
export async function createVolunteerToken(
  storage: Storage,
  input: { name: string; brands: string[]; days?: number; expiresAt?: string; now?: Date; admin?: boolean },
): Promise<{ token: string; record: VolunteerToken }> {
  const token = `cgv_${randomBytes(32).toString('base64url')}`;
  const now = input.now ?? new Date();
  const record: VolunteerToken = {
    hash: hashToken(token),
    name: input.name,
    brands: [...new Set(input.brands)].sort(),
    createdAt: now.toISOString(),
    ...(input.days ? { expiresAt: new Date(now.getTime() + input.days * 86_400_000).toISOString() } : {}),
    ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
    ...(input.admin ? { admin: true } : {}),
  };
  await storage.createToken(record);
  return { token, record };
}

/** How a token is named in `token list` and `token revoke`: the first 12 hex digits of its hash. */
export const tokenId = (record: VolunteerToken) => record.hash.slice(0, 12);

/** The one token whose id starts with `prefix` (8 hex digits at least), else why not. */
export async function findTokenById(
  storage: Storage,
  prefix: string,
): Promise<{ record: VolunteerToken } | { error: string }> {
  if (!/^[0-9a-f]{8,64}$/.test(prefix)) return { error: 'a token id is 8 to 64 hex digits, as `token list` shows it' };
  const matches = (await storage.listTokens()).filter((record) => record.hash.startsWith(prefix));
  if (matches.length === 0) return { error: `no token has the id ${prefix}` };
  if (matches.length > 1) return { error: `${matches.length} tokens start with ${prefix}: give more of the id` };
  return { record: matches[0]! };
}

/** The token a bearer header names, if it exists and has not expired. */
export async function tokenFrom(storage: Storage, header: string | undefined, now = new Date()) {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) return { error: 'missing' as const };
  const record = await storage.findToken(hashToken(match[1]!));
  if (!record) return { error: 'unknown' as const };
  if (record.expiresAt && new Date(record.expiresAt) <= now) return { error: 'expired' as const };
  return { record };
}

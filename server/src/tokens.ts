import { createHash, randomBytes } from 'node:crypto';
import type { Storage, VolunteerToken } from './storage/types';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Makes a volunteer token for some brands; the token is shown once and only its hash is kept. */
export async function createVolunteerToken(
  storage: Storage,
  input: { name: string; brands: string[]; days?: number; now?: Date },
): Promise<{ token: string; record: VolunteerToken }> {
  const token = `cgv_${randomBytes(32).toString('base64url')}`;
  const now = input.now ?? new Date();
  const record: VolunteerToken = {
    hash: hashToken(token),
    name: input.name,
    brands: [...new Set(input.brands)].sort(),
    createdAt: now.toISOString(),
    ...(input.days ? { expiresAt: new Date(now.getTime() + input.days * 86_400_000).toISOString() } : {}),
  };
  await storage.createToken(record);
  return { token, record };
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

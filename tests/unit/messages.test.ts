import { describe, expect, it } from 'vitest';
import messages from '../../public/_locales/en/messages.json';
import { registryFromDisk } from '../../src/disk/registry-files';
import { LEVELS, REASON_CODES } from '../../src/risk/assessment';

const catalogue = messages as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

describe('the English messages', () => {
  it('word every level and every reason code', () => {
    for (const level of LEVELS) expect(catalogue[`level_${level}`]?.message).toBeTruthy();
    for (const code of REASON_CODES) expect(catalogue[`reason_${code}`]?.message).toBeTruthy();
  });

  it('use only the names browsers accept (letters, digits, underscores), or the extension does not load', () => {
    expect(Object.keys(catalogue).filter((key) => !/^[A-Za-z0-9_@]+$/.test(key))).toEqual([]);
  });

  it('word every brand group of the bundled registry', () => {
    const groups = new Set(registryFromDisk().brands.map((brand) => brand.group));
    for (const group of groups) expect(catalogue[`group_${group.replaceAll('-', '_')}`]?.message, group).toBeTruthy();
  });

  it('declare every placeholder they use, as browsers require', () => {
    for (const [key, entry] of Object.entries(catalogue)) {
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
        expect(entry.placeholders?.[name!.toLowerCase()], `${key} uses $${name}$`).toBeDefined();
      }
    }
  });
});

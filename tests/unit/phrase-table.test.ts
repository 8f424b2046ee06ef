import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { registryFromDisk } from '../../src/disk/registry-files';
import { loadIndex, storeIndex } from '../../src/matching/match-index';
import { tokenise } from '../../src/matching/normalise';
import { PhraseTable } from '../../src/matching/phrases';

const TITLES = [
  'Louis Vuitton Neverfull MM replica tote bag with dust bag',
  'AAA batteries 24 pack, not a replica',
  'Nike Air Force 1 sneakers mens shoe',
  '耐克 空军一号 运动鞋 高仿',
  'ルイヴィトン バッグ スーパーコピー 財布',
  'Bolsos de mano estilo Gucci, sandalias y relojes',
  'Rolex Submariner 1:1 clone watch band strap',
];

describe('a phrase table kept folded', () => {
  it('finds what the table it was stored from finds, Chinese and Japanese runs included', () => {
    const table = new PhraseTable<string>();
    for (const [phrase, value] of [
      ['dust bag', 'part'],
      ['bag', 'bags'],
      ['tote bag', 'bags'],
      ['replica', 'copy'],
      ['高仿', 'copy'],
      ['スーパーコピー', 'copy'],
      ['1:1', 'copy'],
    ] as const)
      table.add(phrase, value);
    const values = ['part', 'bags', 'copy'];
    const again = PhraseTable.load(
      table.store((value) => values.indexOf(value)),
      (i) => values[i]!,
    );
    for (const title of TITLES) expect(again.find(tokenise(title))).toEqual(table.find(tokenise(title)));
    expect([...again.singleWords()]).toEqual([...table.singleWords()]);
  });

  it('gives a worker the same vocabulary and categories from the kept index, and from one an older build kept without them', () => {
    const registry = registryFromDisk();
    const kept = deserialize(serialize(storeIndex(registry))) as ReturnType<typeof storeIndex>;
    const { vocabulary: _v, categories: _c, ...older } = kept;
    const fromKept = loadIndex(kept);
    const fromOlder = loadIndex(older);
    for (const title of TITLES) {
      const tokens = tokenise(title);
      expect(fromKept.vocabulary.find(tokens)).toEqual(fromOlder.vocabulary.find(tokens));
      expect(fromKept.categories.find(tokens)).toEqual(fromOlder.categories.find(tokens));
    }
    expect(fromKept.plainWords).toEqual(fromOlder.plainWords);
    // The titles above name terms and categories: a table that lost them would agree with itself on nothing.
    expect(TITLES.filter((title) => fromKept.vocabulary.find(tokenise(title)).length > 0).length).toBeGreaterThan(3);
    expect(TITLES.filter((title) => fromKept.categories.find(tokenise(title)).named.size > 0).length).toBeGreaterThan(
      3,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/matching/match-index';
import { tokenise } from '../../src/matching/normalise';
import { testRegistry } from '../support/registry';

const index = buildIndex(testRegistry());
const found = (title: string) =>
  index.names.find(tokenise(title)).map((match) => ({
    brand: index.brands[match.brand]!.id,
    form: match.form,
    ...(match.distance !== undefined ? { distance: match.distance } : {}),
  }));

describe('brand names in titles', () => {
  it('finds names, aliases in other scripts and listed misspellings, and says which', () => {
    expect(found('Chanel Classic flap')).toEqual([{ brand: 'chanel', form: 'exact' }]);
    expect(found('【正品】香奈儿女包')).toEqual([{ brand: 'chanel', form: 'alias' }]);
    expect(found('シャネル バッグ')).toEqual([{ brand: 'chanel', form: 'alias' }]);
    expect(found('Channel quilted bag')).toEqual([{ brand: 'chanel', form: 'misspelling' }]);
  });

  it('folds case, accents and full-width letters', () => {
    expect(found('ＧＵＣＣＩ belt')).toEqual([{ brand: 'gucci', form: 'exact' }]);
    expect(found('LOUIS VUITTON')).toEqual([{ brand: 'louis-vuitton', form: 'exact' }]);
  });

  it('sees through look-alike letters and leetspeak', () => {
    expect(found('Сhanel bag')).toEqual([{ brand: 'chanel', form: 'homoglyph' }]); // Cyrillic С
    expect(found('ROLΕX watch')).toEqual([{ brand: 'rolex', form: 'homoglyph' }]); // Greek Ε
    expect(found('ch@nel tote')).toEqual([{ brand: 'chanel', form: 'homoglyph' }]);
    expect(found('R0LEX automatic')).toEqual([{ brand: 'rolex', form: 'homoglyph' }]);
  });

  it('sees through masked and spaced-out names', () => {
    expect(found('G*cci bag')).toEqual([{ brand: 'gucci', form: 'masked' }]);
    expect(found('Chane* bag')).toEqual([{ brand: 'chanel', form: 'masked' }]);
    expect(found('G U C C I bag')).toEqual([{ brand: 'gucci', form: 'masked' }]);
    expect(found('L.V bag')).toEqual([{ brand: 'louis-vuitton', form: 'masked' }]);
    expect(found('Ro lex x')).toEqual([]);
  });

  it('finds typos of long names by edit distance, reported as misspellings', () => {
    expect(found('Louis Vuiton speedy')).toContainEqual({ brand: 'louis-vuitton', form: 'misspelling', distance: 1 });
    expect(found('Louis Vuiten')).toContainEqual({ brand: 'louis-vuitton', form: 'misspelling', distance: 2 });
    expect(found('Luis Vuiton')).toEqual([]);
  });

  it('matches short and common-word names exactly only', () => {
    expect(found('Gucic bag')).toEqual([]);
    expect(found('Rolxe watch')).toEqual([]);
    expect(found('Coahc bag')).toEqual([]);
  });

  it('gives words to the longest name they belong to', () => {
    expect(found('Emporio Armani chronograph')).toEqual([{ brand: 'emporio-armani', form: 'exact' }]);
    expect(found('Armani belt')).toEqual([{ brand: 'giorgio-armani', form: 'alias' }]);
  });

  it('reports lines with their brand', () => {
    expect(found('Submariner date')).toEqual([{ brand: 'rolex', form: 'line' }]);
  });
});

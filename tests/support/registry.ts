import { compileRegistry, type RegistrySource } from '../../src/registry/compile';
import type { Registry } from '../../src/registry/schema';

/**
 * A small registry written for the tests, so that what they assert follows from data they can
 * see, not from the bundled registry's current contents.
 */
export function testSources(): RegistrySource[] {
  return [
    { path: 'registry.json', data: { formatVersion: 1, version: 7 } },
    { path: 'currencies.json', data: { asOf: '2026-11-01', usdRates: { USD: 1, EUR: 0.9, INR: 90, CNY: 7 } } },
    { path: 'programmes.json', data: { amazon: { name: 'Brand Registry', url: 'https://brandservices.amazon.com/' } } },
    {
      path: 'categories.json',
      data: [
        { id: 'bags', words: ['bag', 'handbag', '女包'] },
        { id: 'watches', words: ['watch', 'automatic'] },
        { id: 'phones', words: ['phone', 'smartphone'] },
        { id: 'chargers', words: ['charger', 'cable'] },
        { id: 'batteries', words: ['batteries'] },
        { id: 'cases', words: ['phone case', 'cover', 'shockproof'], part: true },
      ],
    },
    {
      path: 'vocabulary.json',
      data: [
        { kind: 'replica', term: 'replica', lang: 'en', strength: 'strong' },
        { kind: 'replica', term: '高仿', lang: 'zh', strength: 'strong' },
        { kind: 'grade', pattern: '^a{3,5}$', lang: '*', unlessWith: ['batteries'] },
        { kind: 'lookalike', term: 'inspired by', lang: 'en', strength: 'medium' },
        { kind: 'compatibility', term: 'for', lang: 'en' },
        { kind: 'compatibility', term: 'compatible with', lang: 'en' },
        { kind: 'used', term: 'pre-owned', lang: 'en' },
        { kind: 'proof', term: 'with receipt', lang: 'en' },
        { kind: 'part', term: 'dust bag', lang: 'en' },
        { kind: 'bulk', term: 'wholesale', lang: 'en', groups: ['luxury'] },
        { kind: 'official', term: 'official store', lang: 'en' },
      ],
    },
    {
      path: 'brands/luxury.json',
      data: [
        {
          id: 'chanel',
          name: 'Chanel',
          aliases: ['香奈儿', 'シャネル'],
          misspellings: ['Channel'],
          domains: ['chanel.com'],
          floors: { bags: 3000 },
          presence: { aliexpress: { sells: false }, amazon: { sells: false } },
          estimated: ['floors'],
        },
        {
          id: 'louis-vuitton',
          name: 'Louis Vuitton',
          aliases: ['LV', '路易威登'],
          misspellings: [],
          domains: ['louisvuitton.com'],
          floors: { bags: 1100 },
          lines: [
            { name: 'Speedy', category: 'bags' },
            { name: 'Neverfull', category: 'bags', distinctive: true },
          ],
          estimated: ['floors'],
        },
        {
          id: 'gucci',
          name: 'Gucci',
          aliases: [],
          misspellings: [],
          domains: ['gucci.com'],
          floors: { bags: 900 },
          estimated: ['floors'],
        },
        {
          id: 'giorgio-armani',
          name: 'Giorgio Armani',
          aliases: ['Armani'],
          misspellings: [],
          domains: ['armani.com'],
          floors: { bags: 400 },
          estimated: ['floors'],
        },
        {
          id: 'emporio-armani',
          name: 'Emporio Armani',
          aliases: [],
          misspellings: [],
          domains: ['armani.com'],
          floors: { watches: 150 },
          estimated: ['floors'],
        },
        {
          id: 'maison-margiela',
          name: 'Maison Margiela',
          aliases: [],
          misspellings: [],
          domains: ['maisonmargiela.com'],
          floors: { bags: 300 },
          lines: [{ name: 'Replica', category: 'bags' }],
          estimated: ['floors'],
        },
        {
          id: 'coach',
          name: 'Coach',
          aliases: ['蔻驰'],
          misspellings: [],
          ambiguous: true,
          domains: ['coach.com'],
          floors: { bags: 150 },
          estimated: ['floors'],
        },
      ],
    },
    {
      path: 'brands/tech.json',
      data: [
        {
          id: 'apple',
          name: 'Apple',
          aliases: [],
          misspellings: [],
          ambiguous: true,
          domains: ['apple.com'],
          floors: { phones: 429, chargers: 19 },
          lines: [{ name: 'iPhone', category: 'phones', distinctive: true }],
          presence: { amazon: { sells: true, sellers: ['Amazon.com'] } },
          estimated: ['floors'],
        },
        {
          id: 'rolex',
          name: 'Rolex',
          aliases: [],
          misspellings: [],
          domains: ['rolex.com'],
          floors: { watches: 5500 },
          lines: [{ name: 'Submariner', category: 'watches', distinctive: true, floorUsd: 9000 }],
          estimated: ['floors'],
        },
      ],
    },
  ];
}

export const testRegistry = (): Registry => compileRegistry(testSources());

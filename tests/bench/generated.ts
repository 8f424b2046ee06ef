import type { Registry } from '../../src/registry/schema';

/** A seeded generator, so every run measures the same registry and titles. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SYLLABLES =
  'ka lo ri ven tor mi sa dex lan qui bor fen gal hu ix jo ky mar nel pra sto ul vax wen zor el ast bri cor dun'.split(
    ' ',
  );
const SCRIPTS = ['宝', '莱', '雅', '思', 'ル', 'ナ', 'ミ', '레', '스', 'ко', 'ла'];
const WORDS =
  'new 2025 women men leather shoulder bag running shoes sneakers watch automatic stainless steel dial quartz wireless earbuds bluetooth charger fast charging cable case cover perfume eau de parfum 100ml lipstick matte set gift box original genuine luxury designer fashion casual sport size black white red blue pink large small mini pro max plus ultra edition classic vintage style premium quality cotton hoodie jacket down coat sunglasses polarized necklace silver gold plated ring bracelet toy figure doll building blocks trading cards booster pack spark plug oil filter brake pads vacuum blender'.split(
    ' ',
  );

const pick = <T>(next: () => number, list: readonly T[]) => list[Math.floor(next() * list.length)]!;

/** `brands` brands with ten names each (name, eight aliases, a misspelling): 100,000 names for 10,000. */
export function generatedRegistry(base: Registry, brands: number): Registry {
  const next = random(42);
  const word = () => {
    const syllables = 2 + Math.floor(next() * 2);
    return Array.from({ length: syllables }, () => pick(next, SYLLABLES)).join('');
  };
  const seen = new Set<string>();
  const unique = (make: () => string) => {
    for (;;) {
      const text = make();
      if (!seen.has(text)) {
        seen.add(text);
        return text;
      }
    }
  };
  const categories = base.categories.map((category) => category.id);
  const generated = Array.from({ length: brands }, (_, i) => {
    const name = unique(() => (next() < 0.3 ? `${word()} ${word()}` : word()));
    const capital = name.replace(/(^|\s)\p{L}/gu, (letter) => letter.toUpperCase());
    return {
      id: `brand-${i}`,
      name: capital,
      aliases: [
        ...Array.from({ length: 6 }, () => unique(() => `${name} ${word()}`)),
        unique(() => Array.from({ length: 3 }, () => pick(next, SCRIPTS)).join('') + i),
        unique(() => `${word()}${i}`),
      ],
      misspellings: [unique(() => `${name}${pick(next, SYLLABLES)}`)],
      domains: [`${name.replaceAll(' ', '')}.example`],
      floors: { [pick(next, categories)]: Math.round(10 + next() * 2000) },
      group: pick(next, ['luxury-fashion', 'watches', 'electronics', 'toys-cards']),
      estimated: ['floors'],
    };
  });
  return { ...base, version: base.version + 1, brands: generated };
}

/** Titles as marketplaces write them: product words, sizes and numbers, and one brand in most. */
export function generatedTitles(registry: Registry, count: number): string[] {
  const next = random(7);
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: 8 + Math.floor(next() * 12) }, () => pick(next, WORDS));
    if (next() < 0.8) {
      const brand = pick(next, registry.brands);
      const name = next() < 0.7 ? brand.name : pick(next, brand.aliases);
      words.splice(Math.floor(next() * 3), 0, name);
    }
    if (next() < 0.3) words.push(`${Math.floor(next() * 900) + 100}`, pick(next, ['cm', 'mm', 'ml', 'GB']));
    return words.join(' ');
  });
}

import { describe, expect, it } from 'vitest';
import type { Money } from '../../src/listing/listing';
import { parsePrice } from '../../src/listing/price';

describe('parsePrice', () => {
  it.each([
    ['$12.48', undefined, { amount: 12.48, currency: 'USD' }],
    ['£4.45', undefined, { amount: 4.45, currency: 'GBP' }],
    ['1.234,56 €', undefined, { amount: 1234.56, currency: 'EUR' }],
    ['R$ 99,90', undefined, { amount: 99.9, currency: 'BRL' }],
    ['₹1,23,456', undefined, { amount: 123456, currency: 'INR' }],
    ['¥3,980', undefined, { amount: 3980, currency: 'JPY' }],
    ['$1,299.00', undefined, { amount: 1299, currency: 'USD' }],
    ['CDN$ 45.10', undefined, { amount: 45.1, currency: 'CAD' }],
    ['$45.10', 'CAD', { amount: 45.1, currency: 'CAD' }],
    ['53,11 EUR', undefined, { amount: 53.11, currency: 'EUR' }],
    ['12,99 zł', undefined, { amount: 12.99, currency: 'PLN' }],
    ['1.234 €', undefined, { amount: 1234, currency: 'EUR' }],
  ])('reads %s', (text, fallback, expected) => {
    expect(parsePrice(text, fallback)).toEqual(expected);
  });

  it('lets the page name its currency even where the host means another', () => {
    expect(parsePrice('€19.99', 'USD')).toEqual({ amount: 19.99, currency: 'EUR' });
    expect(parsePrice('$19.99', 'GBP')).toEqual({ amount: 19.99, currency: 'USD' });
    expect(parsePrice('$1.299', 'ARS')).toEqual({ amount: 1299, currency: 'ARS' });
  });

  it('gives the low end of a range and says so', () => {
    expect(parsePrice('US $1.23 - 4.56')).toEqual({ amount: 1.23, currency: 'USD', max: 4.56 });
    expect(parsePrice('US $0.60-$5.76')).toEqual({ amount: 0.6, currency: 'USD', max: 5.76 });
    expect(parsePrice('12,50 € - 20,00 €')).toEqual({ amount: 12.5, currency: 'EUR', max: 20 });
    expect(parsePrice('EUR 12,99 bis EUR 19,99')).toEqual({ amount: 12.99, currency: 'EUR', max: 19.99 });
  });

  it('does not take a word that merely contains a range word for a range', () => {
    expect(parsePrice('$89.99, Was $129.00')).toEqual({ amount: 89.99, currency: 'USD' });
    expect(parsePrice('C $25.00')).toEqual({ amount: 25, currency: 'CAD' });
  });

  it('takes a bare number in the currency the page states apart', () => {
    expect(parsePrice('43.9', 'EUR')).toEqual({ amount: 43.9, currency: 'EUR' });
  });

  it('finds no price in text without an amount or a currency', () => {
    expect(parsePrice('Currently unavailable.')).toBeUndefined();
    expect(parsePrice('42')).toBeUndefined();
  });
});

const money = (amount: number, currency: string, extra: Partial<Money> = {}): Money => ({
  amount,
  currency,
  ...extra,
});

describe('parsePrice: currency marks', () => {
  it.each([
    ['GH₵ 120.00', money(120, 'GHS')],
    ['GH₵120', money(120, 'GHS')],
    ['₦12,500', money(12500, 'NGN')],
    ['₱1,299.00', money(1299, 'PHP')],
    ['₩12,900', money(12900, 'KRW')],
    ['12,900원', money(12900, 'KRW')],
    ['129.000 ₫', money(129000, 'VND')],
    ['฿1,290', money(1290, 'THB')],
    ['1 299 ₴', money(1299, 'UAH')],
    ['12 999 ₽', money(12999, 'RUB')],
    ['1 234 руб.', money(1234, 'RUB')],
    ['1 299 Kč', money(1299, 'CZK')],
    ['12 990 Ft', money(12990, 'HUF')],
    ['129,99 lei', money(129.99, 'RON')],
    ["CHF 1'234.50", money(1234.5, 'CHF')],
    ['49,90 zł', money(49.9, 'PLN')],
    ['199 kr', money(199, 'SEK')],
    ['kr 299,-', money(299, 'SEK')],
    ['NZ$29.99', money(29.99, 'NZD')],
    ['HK$199', money(199, 'HKD')],
    ['NT$1,290', money(1290, 'TWD')],
    ['S/ 49.90', money(49.9, 'PEN')],
    ['S/. 49.90', money(49.9, 'PEN')],
    ['COL$ 45.900', money(45900, 'COP')],
    ['CLP$ 12.990', money(12990, 'CLP')],
    ['AR$ 1.234,56', money(1234.56, 'ARS')],
    ['Rp 150.000', money(150000, 'IDR')],
    ['Rp150.000', money(150000, 'IDR')],
    ['RM 12.90', money(12.9, 'MYR')],
    ['AED 99', money(99, 'AED')],
    ['99 د.إ', money(99, 'AED')],
    ['SAR 149', money(149, 'SAR')],
    ['149 ر.س', money(149, 'SAR')],
    ['E£ 250', money(250, 'EGP')],
    ['250 ج.م', money(250, 'EGP')],
    ['₹1,23,456.50', money(123456.5, 'INR')],
    ['Rs. 1,299', money(1299, 'INR')],
    ['Rs 1,299', money(1299, 'INR')],
    ['US $12.99', money(12.99, 'USD')],
    ['US$12.99', money(12.99, 'USD')],
    ['MX$1,299', money(1299, 'MXN')],
    ['R$1.299,90', money(1299.9, 'BRL')],
    ['CN¥12.50', money(12.5, 'CNY')],
    ['C$12.00', money(12, 'CAD')],
    ['A$12.00', money(12, 'AUD')],
    ['₺1.234,56', money(1234.56, 'TRY')],
    ['1.234,56 TL', money(1234.56, 'TRY')],
    ['₪99.90', money(99.9, 'ILS')],
    ['USD 12.99', money(12.99, 'USD')],
    ['12,99 EUR', money(12.99, 'EUR')],
    ['EUR12,99', money(12.99, 'EUR')],
    ['12.99USD', money(12.99, 'USD')],
    ['RMB 88', money(88, 'CNY')],
  ])('reads %s', (text, expected) => {
    expect(parsePrice(text)).toEqual(expected);
  });

  it.each([['NEW 12'], ['OFF 20'], ['12 PCS'], ['USB 3'], ['ALL 3'], ['AMD 7950'], ['TOP 10']])(
    'takes no capital word that is not a currency code for one: %s',
    (text) => {
      expect(parsePrice(text)).toBeUndefined();
      expect(parsePrice(text, 'EUR')).toBeUndefined();
    },
  );

  it('reads yen and yuan by the site, and 円, 元 wherever they appear', () => {
    expect(parsePrice('¥3,980')).toEqual(money(3980, 'JPY'));
    expect(parsePrice('￥24,800')).toEqual(money(24800, 'JPY'));
    expect(parsePrice('3,980円')).toEqual(money(3980, 'JPY'));
    expect(parsePrice('¥ 12.5', 'CNY')).toEqual(money(12.5, 'CNY'));
    expect(parsePrice('￥12.5', 'CNY')).toEqual(money(12.5, 'CNY'));
    expect(parsePrice('12.5元')).toEqual(money(12.5, 'CNY'));
    expect(parsePrice('12.5元', 'JPY')).toEqual(money(12.5, 'CNY'));
    expect(parsePrice('3,980円', 'CNY')).toEqual(money(3980, 'JPY'));
  });

  it('reads kr as the site’s crown, else the Swedish one', () => {
    expect(parsePrice('1.800 kr.', 'DKK')).toEqual(money(1800, 'DKK'));
    expect(parsePrice('kr 299,-', 'NOK')).toEqual(money(299, 'NOK'));
    expect(parsePrice('199 kr', 'ISK')).toEqual(money(199, 'ISK'));
    expect(parsePrice('199 kr', 'EUR')).toEqual(money(199, 'SEK'));
    expect(parsePrice('199 kr')).toEqual(money(199, 'SEK'));
    // A word that holds the letters is no mark.
    expect(parsePrice('Ukraine 12')).toBeUndefined();
  });

  it('reads a bare $ as the site’s dollar, else the US dollar', () => {
    expect(parsePrice('$ 7,499', 'MXN')).toEqual(money(7499, 'MXN'));
    expect(parsePrice('$12.99', 'EUR')).toEqual(money(12.99, 'USD'));
    expect(parsePrice('99¢')).toEqual(money(0.99, 'USD'));
  });

  it('reads fullwidth and Arabic-Indic digits', () => {
    expect(parsePrice('￥１，２８０')).toEqual(money(1280, 'JPY'));
    expect(parsePrice('１，２８０円')).toEqual(money(1280, 'JPY'));
    expect(parsePrice('٩٩٫٥٠ د.إ')).toEqual(money(99.5, 'AED'));
  });
});

describe('parsePrice: how shops write amounts', () => {
  it.each([
    ['1\u00a0234,56\u00a0€', money(1234.56, 'EUR')],
    ['1\u202f234,56\u202f€', money(1234.56, 'EUR')],
    ['1\u2009234,56 €', money(1234.56, 'EUR')],
    ['12\u00a0999\u00a0₽', money(12999, 'RUB')],
    ['1 234 567,89 €', money(1234567.89, 'EUR')],
    ['12€99', money(12.99, 'EUR')],
    ['12 €', money(12, 'EUR')],
    ['€12', money(12, 'EUR')],
    ['12,-€', money(12, 'EUR')],
    ['  $12.99\n  ', money(12.99, 'USD')],
    ['$\u200b12.99', money(12.99, 'USD')],
    ['$0.215', money(0.215, 'USD')],
    ['$.99', money(0.99, 'USD')],
    ['1.234.567 €', money(1234567, 'EUR')],
    ['₹1,02,490', money(102490, 'INR')],
    ['₹12,34,56,789', money(123456789, 'INR')],
    ['Kindle Price: $9.99', money(9.99, 'USD')],
    ['Kindle Edition $0.00', money(0, 'USD')],
    ['Sale Price: £18.40', money(18.4, 'GBP')],
    ['current price $12.97', money(12.97, 'USD')],
    ['$12', money(12, 'USD')],
  ])('reads %j', (text, expected) => {
    expect(parsePrice(text)).toEqual(expected);
  });

  it('reads a sign written between two amounts on the side the text writes its signs', () => {
    expect(parsePrice('47,80 € 59,90 €')).toEqual(money(47.8, 'EUR'));
    expect(parsePrice('$35.99 $49.99')).toEqual(money(35.99, 'USD'));
    expect(parsePrice('$12.99$12.99')).toEqual(money(12.99, 'USD'));
    expect(parsePrice('₹849₹1,29934% off')).toEqual(money(849, 'INR'));
  });

  it.each([['1.2.3 €'], ['$12.34.56'], ['1,234,56 €'], ['$12.34567']])(
    'reads no price from a number no shop writes: %s',
    (text) => {
      expect(parsePrice(text)).toBeUndefined();
    },
  );
});

describe('parsePrice: sale, list and other amounts', () => {
  it.each([
    ['Was $129.00 Now $89.99', money(89.99, 'USD')],
    ['current price Now $89.99, Was $129.00', money(89.99, 'USD')],
    ['List Price: $129.00 Price: $89.99 You Save: $39.01 (30%)', money(89.99, 'USD')],
    ['-20% $35.99 Typical price: $44.99', money(35.99, 'USD')],
    ['UVP 59,99 € 47,80 €', money(47.8, 'EUR')],
    ['47,80 € statt 59,99 €', money(47.8, 'EUR')],
    ['De R$ 199,90 por R$ 149,90', money(149.9, 'BRL')],
    ['M.R.P.: ₹1,299 ₹849', money(849, 'INR')],
    ['$12.99 + $5.99 shipping', money(12.99, 'USD')],
    ['Save $5.00 $20.00', money(20, 'USD')],
    ['$5 off $20.00', money(20, 'USD')],
    ['$5.99 or 2 for $10', money(5.99, 'USD')],
    ['R$ 1.299,00 ou 10x de R$ 129,90', money(1299, 'BRL')],
    ['$49.99 or 4 payments of $12.50', money(49.99, 'USD')],
    ['Paperback - $12.99', money(12.99, 'USD')],
    ['$20.00 -$5.00', money(20, 'USD')],
    ['Prix récent le plus bas : 318,46 € 209,00 €', money(209, 'EUR')],
    ['Niedrigster Preis der letzten 30 Tage: 59,99 € 44,99 €', money(44.99, 'EUR')],
  ])('reads %j', (text, expected) => {
    expect(parsePrice(text)).toEqual(expected);
  });

  it.each([
    ['Lowest price in 30 days: $129.00'],
    ['Was $129.00'],
    ['List Price: $129.00'],
    ['You Save: $39.01 (30%)'],
    ['-$5.00'],
    ['- $5.00'],
    ['−5,00 €'],
    ['$5 off'],
    ['+ $5.99 shipping'],
    ['$4.99 delivery'],
    ['2 for $10'],
    ['3 für 10 €'],
    ['2/$5'],
    ['12x de R$ 10,00'],
    ['or 4 interest-free payments of $12.50'],
    ['12 cuotas de $ 1.000'],
    ['Typical: $44.99'],
  ])('reads no price where the only amount is not what the item costs: %j', (text) => {
    expect(parsePrice(text)).toBeUndefined();
  });
});

describe('parsePrice: unit prices', () => {
  it.each([
    ['$12.48 ($6.24 / Pack)', money(12.48, 'USD')],
    ['€3,99 (€7,98/kg)', money(3.99, 'EUR')],
    ['3,99 € (1,25 € / 100 ml)', money(3.99, 'EUR')],
    ['$19.99 ($0.21/count)', money(19.99, 'USD')],
    ['US $3.50 / piece', money(3.5, 'USD')],
    ['US $12.34 - 15.67 / Piece', money(12.34, 'USD', { max: 15.67 })],
    ['$3.50 each', money(3.5, 'USD')],
  ])('reads the item price of %j', (text, expected) => {
    expect(parsePrice(text)).toEqual(expected);
  });

  it.each([
    ['₹50/100 g'],
    ['$0.21/count'],
    ['(1,25 € / 100 ml)'],
    ['$5.00/oz'],
    ['7,98 €/kg'],
    ['€7.98 per kg'],
    ['£1.20 per 100ml'],
    ['$1.23/fl oz'],
    ['(£0.50/count)'],
    ['$41.58/mo'],
    ['1 kg = 7,98 €'],
    ['US $1.23 - 4.56 / kg'],
  ])('reads no price from a unit price alone: %j', (text) => {
    expect(parsePrice(text)).toBeUndefined();
  });
});

describe('parsePrice: ranges and "from"', () => {
  it.each([
    ['$10 – $20', money(10, 'USD', { max: 20 })],
    ['$10 — $20', money(10, 'USD', { max: 20 })],
    ['10 - 20 €', money(10, 'EUR', { max: 20 })],
    ['R$ 10,00 a R$ 20,00', money(10, 'BRL', { max: 20 })],
    ['$1.23 to $4.56', money(1.23, 'USD', { max: 4.56 })],
    ['CN¥3.80-CN¥36.48', money(3.8, 'CNY', { max: 36.48 })],
    ['¥1,000～¥2,000', money(1000, 'JPY', { max: 2000 })],
    ['1 000 – 2 000 ₽', money(1000, 'RUB', { max: 2000 })],
  ])('reads the range %j', (text, expected) => {
    expect(parsePrice(text)).toEqual(expected);
  });

  it.each([
    ['$20 - $10', money(20, 'USD')],
    ['$10 - 20 €', money(10, 'USD')],
  ])('reads no range whose ends do not rise in one currency: %j', (text, expected) => {
    expect(parsePrice(text)).toEqual(expected);
  });

  it.each([
    ['from $10', money(10, 'USD')],
    ['From only £5.99', money(5.99, 'GBP')],
    ['Starting at $24.99', money(24.99, 'USD')],
    ['ab 12,99 €', money(12.99, 'EUR')],
    ['à partir de 12,99 €', money(12.99, 'EUR')],
    ['desde $ 1.299', money(1299, 'USD')],
    ['a partir de R$ 49,90', money(49.9, 'BRL')],
    ['от 12 999 ₽', money(12999, 'RUB')],
    ['3,980円から', money(3980, 'JPY')],
    ['¥12.5起', money(12.5, 'JPY')],
    ['¥3,980～', money(3980, 'JPY')],
    ['$10 and up', money(10, 'USD')],
    ['$24.99+', money(24.99, 'USD')],
    ['desde $10 hasta $20', money(10, 'USD', { max: 20 })],
  ])('reads %j as a low end', (text, expected) => {
    expect(parsePrice(text)).toEqual({ ...expected, kind: 'range' });
  });

  it('reads "from" before a bare number in the site’s currency', () => {
    expect(parsePrice('ab 12,99', 'EUR')).toEqual(money(12.99, 'EUR', { kind: 'range' }));
  });

  it('takes no word that merely contains a from-word for one', () => {
    expect(parsePrice('Taboo $10')).toEqual(money(10, 'USD'));
    expect(parsePrice('Prado $10')).toEqual(money(10, 'USD'));
  });
});

describe('parsePrice: failing quietly', () => {
  it.each([
    ['12.99', 'USD', money(12.99, 'USD')],
    ['1234', 'EUR', money(1234, 'EUR')],
    ['129.9', 'BRL', money(129.9, 'BRL')],
    ['12,-', 'EUR', money(12, 'EUR')],
    ['10 - 20', 'EUR', money(10, 'EUR', { max: 20 })],
  ])('prices a bare number %j in the fallback currency by default', (text, fallback, expected) => {
    expect(parsePrice(text, fallback)).toEqual(expected);
    expect(parsePrice(text, fallback, { bare: 'fallback' })).toEqual(expected);
  });

  it.each([['12.99'], ['1234'], ['ab 12,99']])(
    'gives a bare number %j no price when the fallback is only a guess',
    (text) => {
      expect(parsePrice(text, 'USD', { bare: 'none' })).toBeUndefined();
    },
  );

  it('still reads a marked amount, and bare $ and ¥ by the site, with bare: none', () => {
    expect(parsePrice('€12', 'USD', { bare: 'none' })).toEqual(money(12, 'EUR'));
    expect(parsePrice('$45.10', 'CAD', { bare: 'none' })).toEqual(money(45.1, 'CAD'));
    expect(parsePrice('¥ 12.5', 'CNY', { bare: 'none' })).toEqual(money(12.5, 'CNY'));
  });

  it.each([
    ['4.5 out of 5 stars'],
    ['1,234 ratings'],
    ['Size 42'],
    ['+1 (555) 123-4567'],
    ['555-123-4567'],
    ['2024-01-15'],
    ['12/05/2024'],
    ['15.03.2024'],
    ['-20%'],
    ['20 %'],
    ['Save 20%'],
    ['#1 Best Seller'],
    ['12 XYZ'],
    ['Only 3 left in stock'],
    ['1234567890123'],
    ['12,99 ab'],
    [`12${'.'.repeat(60)} ab`],
  ])('reads no price from %j, whatever the site’s currency', (text) => {
    expect(parsePrice(text)).toBeUndefined();
    expect(parsePrice(text, 'USD')).toBeUndefined();
  });

  it('reads no price from a number of more than twelve digits, marked or not', () => {
    expect(parsePrice('$1234567890123')).toBeUndefined();
    expect(parsePrice('$1,234,567,890,123.00')).toBeUndefined();
    expect(parsePrice('$123,456,789,012.00')).toEqual(money(123456789012, 'USD'));
  });

  it('reads one price from a long text that shows only it, and none from a long list of prices', () => {
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(4);
    expect(parsePrice(`${filler}$12.99`)).toEqual(money(12.99, 'USD'));
    expect(parsePrice(`$12.99 ${filler} $12.99`)).toEqual(money(12.99, 'USD'));
    expect(parsePrice(`$12.99 ${filler} $15.99`)).toBeUndefined();
    expect(parsePrice(`$12.99 ${'word '.repeat(80)}`)).toBeUndefined();
  });
});

describe('robustness', () => {
  const quick = (run: () => unknown) => {
    const start = performance.now();
    expect(run).not.toThrow();
    return performance.now() - start;
  };

  it('refuses 10,000 digits and a megabyte of text at once', () => {
    const digits = '9'.repeat(10_000);
    const mixed = 'US $12.99 – 1.234,56 € ab 3,980円 (€7,98/kg) '.repeat(25_000);
    const spaces = `$12.99${' '.repeat(1_000_000)}`;
    for (const text of [digits, `$${digits}`, `${digits.slice(0, 250)}.99 €`, mixed, spaces]) {
      const took = quick(() => {
        expect(parsePrice(text, 'USD')).toBeUndefined();
      });
      console.log(`${text.length} characters: ${took.toFixed(2)} ms`);
      expect(took).toBeLessThan(250);
    }
  });

  it('reads texts built to make a regular expression backtrack in linear time', () => {
    const texts = [
      `${'1,'.repeat(140)}x`,
      `${'1 '.repeat(140)}€`,
      `$${'1.1'.repeat(90)}`,
      `${'- '.repeat(140)}1`,
      `from ${'from '.repeat(55)}$1`,
      `${'$'.repeat(290)}1`,
      `${'US '.repeat(95)}$1`,
      `${'/'.repeat(280)}1 $`,
      `${'a'.repeat(299)}`,
    ];
    for (const text of texts) {
      const took = quick(() => {
        parsePrice(text, 'USD');
      });
      expect(took, text.slice(0, 40)).toBeLessThan(100);
    }
  });

  it('gives no price for what is not text', () => {
    for (const value of [null, undefined, 12.99, {}]) {
      expect(parsePrice(value as unknown as string, 'USD')).toBeUndefined();
    }
  });

  it('never throws on random text, and any price it reads is well formed', () => {
    // A seeded generator (mulberry32), so a failure can be replayed.
    let seed = 20240611;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pieces = [..."0123456789.,' -–/()%+~:", '\u00a0', '\u202f', '$', '€', '£', '¥', '₹', 'R$', 'US $', 'CN¥'];
    const words = ['EUR', 'USD', 'NEW', 'kr', 'Ft', 'from', 'ab', 'was', 'per', 'kg', 'pieces', '円', 'から', '≥'];
    const alphabet = [...pieces, ...words, 'a', 'Z', '\u200b', '\n'];
    const fallbacks = [undefined, 'USD', 'EUR', 'CNY', 'ARS', 'JPY', 'bogus'];
    let read = 0;
    for (let run = 0; run < 4000; run++) {
      const length = Math.floor(random() * 30);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const fallback = fallbacks[Math.floor(random() * fallbacks.length)];
      const bare = random() < 0.5 ? 'none' : 'fallback';
      const price = parsePrice(text, fallback, { bare });
      if (price) {
        read++;
        expect(Number.isFinite(price.amount) && price.amount >= 0, text).toBe(true);
        expect(price.currency, text).toMatch(/^[A-Z]{3}$/);
        if (price.max !== undefined) expect(price.max, text).toBeGreaterThan(price.amount);
      }
    }
    // The generator makes prices often enough that the checks above are exercised.
    expect(read).toBeGreaterThan(100);
  });
});

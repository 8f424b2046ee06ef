import { describe, expect, it } from 'vitest';
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

import { describe, expect, it } from 'vitest';
import { parsers } from '../../src/sites/parsers';

describe('eBay title parser', () => {
  it.each([
    ['New Listing Nike Air Max 90', 'Nike Air Max 90'],
    ['Details about  Outdoor wicker sofa, 3 seater', 'Outdoor wicker sofa, 3 seater'],
    ['Details zu  Lederjacke Herren', 'Lederjacke Herren'],
    ['Nike Air Max 90 Opens in a new window or tab', 'Nike Air Max 90'],
    // A title that merely mentions the words keeps them.
    ['Vintage watch, details about the movement inside', 'Vintage watch, details about the movement inside'],
  ])('%j → %j', (text, expected) => {
    expect(parsers.ebayTitle(text)).toBe(expected);
  });
});

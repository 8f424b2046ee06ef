/**
 * The hosts each marketplace serves (registrable, without `www.`) and the currency a bare `$`
 * or `¥` means there. Kept apart from the rest of the rules because the manifest's match
 * patterns are made of them, and the content script should carry no more than these.
 */
export const HOSTS = {
  amazon: {
    'amazon.com': 'USD',
    'amazon.ca': 'CAD',
    'amazon.com.mx': 'MXN',
    'amazon.com.br': 'BRL',
    'amazon.co.uk': 'GBP',
    'amazon.de': 'EUR',
    'amazon.fr': 'EUR',
    'amazon.it': 'EUR',
    'amazon.es': 'EUR',
    'amazon.nl': 'EUR',
    'amazon.com.be': 'EUR',
    'amazon.ie': 'EUR',
    'amazon.se': 'SEK',
    'amazon.pl': 'PLN',
    'amazon.com.tr': 'TRY',
    'amazon.ae': 'AED',
    'amazon.sa': 'SAR',
    'amazon.eg': 'EGP',
    'amazon.in': 'INR',
    'amazon.co.jp': 'JPY',
    'amazon.sg': 'SGD',
    'amazon.com.au': 'AUD',
  },
  aliexpress: {
    // Country subdomains (es., fr., de., pt., ru., it., nl., ja., ko.) are covered by the host.
    'aliexpress.com': 'USD',
    'aliexpress.us': 'USD',
    'aliexpress.ru': 'RUB',
  },
  flipkart: { 'flipkart.com': 'INR' },
  alibaba: {
    // Language sites (french.alibaba.com, …) and supplier sites (acme.en.alibaba.com) are subdomains.
    'alibaba.com': 'USD',
  },
  walmart: { 'walmart.com': 'USD', 'walmart.ca': 'CAD', 'walmart.com.mx': 'MXN' },
  dhgate: {
    // Prices are in USD unless the shopper picks another currency; its symbol or code is then printed.
    'dhgate.com': 'USD',
  },
  temu: {
    'temu.com': 'USD',
  },
  etsy: { 'etsy.com': 'USD' },
  ebay: {
    'ebay.com': 'USD',
    'ebay.co.uk': 'GBP',
    'ebay.de': 'EUR',
    'ebay.fr': 'EUR',
    'ebay.it': 'EUR',
    'ebay.es': 'EUR',
    'ebay.at': 'EUR',
    'ebay.ie': 'EUR',
    'ebay.nl': 'EUR',
    'ebay.be': 'EUR',
    'ebay.ch': 'CHF',
    'ebay.pl': 'PLN',
    'ebay.ca': 'CAD',
    'ebay.com.au': 'AUD',
  },
  mercadolibre: {
    'mercadolibre.com.ar': 'ARS',
    'mercadolibre.com.mx': 'MXN',
    'mercadolibre.com.co': 'COP',
    'mercadolibre.cl': 'CLP',
    'mercadolibre.com.pe': 'PEN',
    'mercadolibre.com.uy': 'UYU',
    'mercadolibre.com.ve': 'VES',
    'mercadolibre.com.ec': 'USD',
    'mercadolivre.com.br': 'BRL',
  },
} satisfies Record<string, Record<string, string>>;

type Served = keyof typeof HOSTS;

/**
 * Which of `hosts` the hostname is or lies under ("www.amazon.de" under "amazon.de"); the
 * longest when several hold it ("amazon.com.mx" over a shorter one it ends with).
 */
export function hostUnder(hostname: string, hosts: Iterable<string>): string | undefined {
  const name = hostname.toLowerCase();
  let best: string | undefined;
  for (const host of hosts) {
    if ((name === host || name.endsWith(`.${host}`)) && host.length > (best?.length ?? 0)) best = host;
  }
  return best;
}

/** The hosts a marketplace sells on; none for a shop or a name that is no marketplace. */
export function sellingHosts(marketplace: string): readonly string[] {
  return Object.hasOwn(HOSTS, marketplace) ? Object.keys(HOSTS[marketplace as Served]) : [];
}

/** The marketplace an http(s) address is on, with the registrable host that matched; undefined for any other. */
export function marketplaceAt(address: string | URL): { marketplace: Served; host: string } | undefined {
  let url: URL;
  try {
    url = typeof address === 'string' ? new URL(address) : address;
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  for (const marketplace of Object.keys(HOSTS) as Served[]) {
    const host = hostUnder(url.hostname, Object.keys(HOSTS[marketplace]));
    if (host) return { marketplace, host };
  }
  return undefined;
}

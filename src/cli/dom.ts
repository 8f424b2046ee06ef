import { Window } from 'happy-dom';

const SETTINGS = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableIframePageLoading: true,
  handleDisabledFileLoadingAsSuccess: true,
};

function savedPageWindow(url: string): Window {
  return new Window({ url, settings: SETTINGS, console: { ...console, error: () => {}, warn: () => {} } as Console });
}

/** A Document for saved HTML in Node; the page's scripts, styles and frames are never loaded or run. */
export function parseSavedPage(html: string, url = 'https://localhost/'): Document {
  const window = savedPageWindow(url);
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  return document as unknown as Document;
}

/**
 * Reads a saved page and lets its window go once `read` is done: a run over a hundred pages
 * must not keep a hundred parsed pages alive (a window is freed only once closed, and closing
 * is asynchronous). `read` must keep no element.
 */
export async function readSavedPage<T>(
  html: string,
  read: (document: Document) => T,
  url = 'https://localhost/',
): Promise<T> {
  const window = savedPageWindow(url);
  try {
    return read(new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document);
  } finally {
    await window.happyDOM.close();
  }
}

/**
 * A saved page's text in the encoding it was saved in: a byte-order mark says UTF-16 or UTF-8,
 * else a `<meta charset>` (or http-equiv content type) near its start names one (EUC-JP, GBK,
 * Windows-1252…); otherwise UTF-8. An encoding this Node does not know is read as UTF-8.
 */
export function decodeSavedPage(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const named = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1];
  if (named) {
    try {
      return new TextDecoder(named).decode(bytes);
    } catch {
      // Not an encoding this runtime decodes: the page is read as UTF-8.
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

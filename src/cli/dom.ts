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

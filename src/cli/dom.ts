import { Window } from 'happy-dom';

/** A Document for saved HTML in Node; the page's scripts, styles and frames are never loaded or run. */
export function parseSavedPage(html: string, url = 'https://localhost/'): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
    console: { ...console, error: () => {}, warn: () => {} } as Console,
  });
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  return document as unknown as Document;
}

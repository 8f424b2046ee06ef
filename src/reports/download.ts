/**
 * Hands an evidence or results file to the browser to save (an object URL clicked through
 * `<a download>`): the extension's exports and the service's console alike.
 */
export function download(body: string, contentType: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([body], { type: contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Firefox reads the object URL after the click returns: keep it a while, then let it go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Whether a click on one of the extension's buttons on a page could have been meant for it: the
 * button, its shadow host and every ancestor of theirs are shown (not display none, not hidden,
 * not faded past half), and nothing of the page's lies over the point clicked. A page can restyle
 * or cover the badge and banner (it owns the CSS around them); it cannot make a person's click on
 * a decoy count as one on them.
 */
export function seenAtClick(event: MouseEvent): boolean {
  const button = event.currentTarget as Element | null;
  if (!button) return false;
  const root = button.getRootNode();
  const host = root instanceof ShadowRoot ? root.host : undefined;
  if (!host) return false;
  const view = button.ownerDocument.defaultView;
  if (!view) return false;
  let opacity = 1;
  // From the button up through its shadow tree to the host, then through the page to its root.
  for (let at: Element | null = button; at; at = at.parentElement ?? hostOf(at)) {
    const style = view.getComputedStyle(at);
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return false;
    opacity *= Number(style.opacity || 1);
    if (opacity < 0.5) return false;
  }
  // A keyboard press has no point (detail 0); a pointer's must land on the host, not over it.
  if (event.detail === 0) return true;
  const top = button.ownerDocument.elementFromPoint(event.clientX, event.clientY);
  return top === host || (top !== null && host.contains(top));
}

/** The host of the shadow root an element is the top of, where it is one. */
function hostOf(element: Element): Element | null {
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

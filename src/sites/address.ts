/** An http(s) address, made absolute against the page; nothing else (no script or data addresses). */
export function absolute(value: string | undefined, base: URL): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href.slice(0, 2048) : undefined;
  } catch {
    return undefined;
  }
}

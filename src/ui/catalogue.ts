import messages from '../../public/_locales/en/messages.json';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * The browser's getMessage over the English catalogue ($NAME$ → its placeholder → $n), for
 * places without the browser's i18n: the command line and tests.
 */
export function catalogueMessage(key: string, substitutions: readonly string[] = []): string {
  const entry = (messages as Record<string, Message>)[key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_all, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, n: string) => substitutions[Number(n) - 1] ?? '');
  });
}

/** What went wrong, as text to show or log: an Error's message, anything else as it prints. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

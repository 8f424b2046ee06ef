/**
 * A task that runs one at a time. Asked for while it runs, it answers the run in progress and
 * tells that run, through `askedAgain()`, that it was asked again since it began (or since it
 * last looked), so that whatever changed meanwhile is taken in by one more pass, not missed.
 */
export function singleFlight<T>(run: (askedAgain: () => boolean) => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let asked = false;
  const askedAgain = () => {
    const was = asked;
    asked = false;
    return was;
  };
  return () => {
    if (running) {
      asked = true;
      return running;
    }
    asked = false;
    running = run(askedAgain).finally(() => {
      running = undefined;
    });
    return running;
  };
}

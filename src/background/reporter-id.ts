import { randomId } from '../reports/compose';
import { reporterIdItem } from '../settings/items';

/** The reporter id, made now if there is none yet. */
export async function reporterId(): Promise<string> {
  const held = await reporterIdItem.getValue();
  if (held) return held;
  const made = randomId();
  await reporterIdItem.setValue(made);
  return made;
}

/** A new reporter id: later reports cannot be linked to earlier ones by it. */
export async function rotateReporterId(): Promise<string> {
  const made = randomId();
  await reporterIdItem.setValue(made);
  return made;
}

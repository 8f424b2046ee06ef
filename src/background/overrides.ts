import { type Assessment, saidGenuine } from '../risk/assessment';
import { genuineItem } from '../settings/reporting';

/**
 * What the user said of listings, applied to the engine's answers: the background owns it, so
 * every view (the page's badges, the popup, the audit) shows the same level. Read once per
 * answer: the user may change their mind between two.
 */
export async function userOverrides(): Promise<(assessment: Assessment) => Assessment> {
  const genuine = new Set(await genuineItem.getValue());
  return (assessment) => (genuine.has(assessment.key) ? saidGenuine(assessment) : assessment);
}

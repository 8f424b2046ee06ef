import { useEffect } from 'preact/hooks';
import { MARKETPLACES } from '../../src/listing/listing';
import type { PublishedAccuracy } from '../../src/risk/accuracy';
import accuracyJson from '../../src/risk/accuracy.json';
import { LEVELS } from '../../src/risk/assessment';
import { count, date, type MessageKey, t, uiLanguage, uiWords } from '../../src/ui/i18n';
import { LevelLabel } from '../../src/ui/LevelLabel';
import { formatShare } from '../../src/words/numbers';
import { marketplaceName } from '../../src/words/words';

const ACCURACY = accuracyJson as PublishedAccuracy;

/** A share in the reader's language ("44.3 %"), or a dash where there was nothing to measure. */
const percent = (share: number | null) =>
  share === null ? t('help_nothing_to_measure') : formatShare(share, uiLanguage());

/** A channel's name: a marketplace's own, else the words for a kind of place ("Stand-alone shops"). */
function channelName(channel: string): string {
  if ((MARKETPLACES as readonly string[]).includes(channel)) return marketplaceName(channel, uiWords);
  const key = `help_channel_${channel.replace(/[^A-Za-z0-9]/g, '_')}`;
  const words = t(key as MessageKey);
  return words === key ? channel : words;
}

/**
 * How judgements are made and how far to trust them: what each mark means, what is looked at,
 * and the figures measured on real listings that no rule was tuned on, with their date and count.
 */
export function HelpApp() {
  useEffect(() => {
    document.title = t('help_title');
  }, []);
  return (
    <main class="cg-help">
      <h1>{t('help_title')}</h1>
      <h2>{t('help_levels_heading')}</h2>
      <dl>
        {LEVELS.map((level) => (
          <div key={level}>
            <dt>
              <LevelLabel level={level} />
            </dt>
            <dd>{t(`help_level_${level}` as MessageKey)}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('help_signs_heading')}</h2>
      <p>{t('help_signs')}</p>
      <h2>{t('help_accuracy_heading')}</h2>
      <p>{t('help_accuracy_intro', [count(ACCURACY.listings), date(ACCURACY.measuredOn, 'date')])}</p>
      <ul>
        <li>{t('help_accuracy_recall', [count(ACCURACY.suspects), percent(ACCURACY.recall)])}</li>
        <li>
          {t('help_accuracy_false', [
            count(ACCURACY.honest),
            percent(ACCURACY.falseAlarms),
            percent(ACCURACY.falseHigh),
          ])}
        </li>
      </ul>
      <table>
        <caption>{t('help_accuracy_table_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('help_col_channel')}</th>
            <th scope="col" class="cg-num">
              {t('help_col_listings')}
            </th>
            <th scope="col" class="cg-num">
              {t('help_col_recall')}
            </th>
            <th scope="col" class="cg-num">
              {t('help_col_false')}
            </th>
          </tr>
        </thead>
        <tbody>
          {ACCURACY.channels.map((one) => (
            <tr key={one.channel}>
              <th scope="row">{channelName(one.channel)}</th>
              <td class="cg-num">{count(one.listings)}</td>
              <td class="cg-num">{t('help_share_of', [percent(one.recall), count(one.suspects)])}</td>
              <td class="cg-num">{t('help_share_of', [percent(one.falseAlarms), count(one.honest)])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('help_accuracy_caveat')}</p>
    </main>
  );
}

import { useState } from 'preact/hooks';
import type { TabEntry } from '../../src/messaging/protocol';
import { count, t, uiLanguage } from '../../src/ui/i18n';
import { LevelLabel, levelWord } from '../../src/ui/LevelLabel';
import { ReasonList } from '../../src/ui/ReasonList';
import { ReportActions } from '../../src/ui/ReportActions';
import { formatMoney } from '../../src/words/numbers';

/** Listings drawn at a time: a page of 2,000 opens as fast as one of 50, and the rest come on request. */
export const PAGE_SIZE = 50;

/** A list of the tab's listings, a page at a time, each with its level, reasons and report actions. */
export function EntryList({ entries, tabId }: { entries: readonly TabEntry[]; tabId: number | undefined }) {
  const [shown, setShown] = useState(PAGE_SIZE);
  const more = Math.min(PAGE_SIZE, entries.length - shown);
  return (
    <>
      <ul class="cg-entries">
        {entries.slice(0, shown).map((entry) => (
          <Entry key={entry.listing.key} entry={entry} tabId={tabId} />
        ))}
      </ul>
      {more > 0 && (
        <button type="button" class="cg-button cg-button-quiet cg-more" onClick={() => setShown(shown + PAGE_SIZE)}>
          {t('popup_show_more', [count(more), count(entries.length - shown)])}
        </button>
      )}
    </>
  );
}

function Entry({ entry: { listing, assessment }, tabId }: { entry: TabEntry; tabId: number | undefined }) {
  return (
    <li class="cg-entry" aria-label={t('popup_listing_label', [listing.title, levelWord(assessment.level)])}>
      <LevelLabel level={assessment.level} />
      <p class="cg-entry-title">
        <bdi>{listing.title}</bdi>
      </p>
      {listing.price && (
        <p class="cg-entry-meta">
          {t('popup_price', [formatMoney(listing.price.amount, listing.price.currency, uiLanguage())])}
        </p>
      )}
      {listing.seller && <p class="cg-entry-meta">{t('popup_seller', [listing.seller.name])}</p>}
      {assessment.reasons.length > 0 && <ReasonList reasons={assessment.reasons} level={assessment.level} />}
      {tabId !== undefined && (
        <ReportActions
          target={{ key: listing.key, tabId }}
          genuineOffered={assessment.level === 'high' || assessment.level === 'caution'}
        />
      )}
    </li>
  );
}

import { MATCH_FORMS } from '../matching/match-forms';
import type { Reason } from '../risk/assessment';
import { formatMoney } from './numbers';
import { isolate, type MessageKey, marketplaceName, type Words } from './words';

/** One thing a reason rests on, labelled: what was found, as it was found. */
export interface EvidenceField {
  label: string;
  value: string;
}

/**
 * What a reason rests on, field by field, for a shopper who asks "why?" of a sentence: the words
 * found as the listing wrote them, how a brand's name was matched, the price read beside the
 * floor or retail price it was held to and the line that set it, the seller, the marketplace.
 * Empty where the sentence is all there is (a community flag has no evidence to show here).
 */
export function evidenceOf(reason: Pick<Reason, 'code' | 'params'>, words: Words): EvidenceField[] {
  const { t, language } = words;
  const p = reason.params;
  const fields: EvidenceField[] = [];
  const add = (label: MessageKey, value: string | number | undefined) => {
    if (value !== undefined && value !== '') fields.push({ label: t(label), value: String(value) });
  };
  const quoted = (text: string | number | undefined) =>
    text === undefined || text === '' ? undefined : t('evidence_quoted', [isolate(String(text))]);
  const money = (amount: string | number | undefined) =>
    amount === undefined ? undefined : formatMoney(Number(amount), String(p.currency ?? ''), language);

  switch (reason.code) {
    case 'brand_recognised': {
      add('evidence_words', quoted(p.text));
      const form = MATCH_FORMS.find((known) => known === p.form);
      if (form) add('evidence_matched_as', t(`evidence_form_${form}`));
      break;
    }
    case 'brand_disguised':
      add('evidence_words', quoted(p.text));
      break;
    case 'counterfeit_terms':
    case 'grade_tag':
    case 'lookalike_terms':
    case 'replica_wording':
    case 'bulk_luxury':
    case 'honest_used':
    case 'honest_proof':
      add('evidence_words', quoted(p.term));
      break;
    case 'price_below_floor':
      add('evidence_price', money(p.price));
      add('evidence_floor', money(p.floor));
      add('evidence_line', p.line);
      break;
    case 'price_below_retail':
      add('evidence_price', money(p.price));
      add('evidence_retail', money(p.retail));
      add('evidence_line', p.line);
      add('evidence_source', p.source);
      break;
    case 'reviews_say_fake':
      add('evidence_reviews', t('evidence_reviews_count', [String(p.fake), String(p.read)]));
      add('evidence_words', quoted(p.term));
      break;
    case 'seller_authorised':
    case 'fake_official_store':
    case 'seller_not_authorised':
      add('evidence_seller', p.seller);
      break;
    case 'seller_pattern':
      add('evidence_seller', p.seller);
      add('evidence_brands', p.brands);
      add('evidence_below', p.below);
      break;
    case 'official_site':
      add('evidence_site', p.domain);
      break;
    case 'brand_absent_from_marketplace':
      add(
        'evidence_marketplace',
        p.marketplace === undefined ? undefined : marketplaceName(String(p.marketplace), words),
      );
      break;
    case 'sold_on_replica_channel':
      add('evidence_channel', p.channel);
      break;
    case 'community_flagged':
    case 'community_confirmed':
    case 'user_genuine':
      break;
  }
  return fields;
}

import { type Assessment, type Reason, warns } from '../risk/assessment';
import { formatMoney } from './numbers';
import { type MessageKey, marketplaceName, type Words } from './words';

const str = (value: string | number | undefined) => String(value ?? '');

/**
 * An assessment's reasons in words, heaviest first, as a listing shows them, each beside the
 * reason it words. Where the listing does not warn, a sign it carries is said to have been
 * outweighed, so "No warning signs found" never sits beside a bare "Priced 35 % under the floor".
 */
export function describeReasons(
  assessment: Pick<Assessment, 'level' | 'reasons'>,
  words: Words,
): { reason: Reason; text: string }[] {
  const outweighed = !warns(assessment);
  return [...assessment.reasons]
    .sort((a, b) => b.weight - a.weight)
    .map((reason) => {
      const said = describeReason(reason, words);
      return { reason, text: outweighed && reason.weight > 0 ? words.t('reason_outweighed', [said]) : said };
    });
}

/** A reason in the user's words. Each code lists its parameters in its message's order. */
export function describeReason(reason: Pick<Reason, 'code' | 'params'>, words: Words): string {
  const { t, language } = words;
  const p = reason.params;
  switch (reason.code) {
    case 'brand_recognised':
      return t('reason_brand_recognised', [str(p.brand)]);
    case 'seller_authorised':
      return t('reason_seller_authorised', [str(p.seller)]);
    case 'official_site':
      return t('reason_official_site', [str(p.domain)]);
    case 'counterfeit_terms':
      return t('reason_counterfeit_terms', [str(p.term)]);
    case 'grade_tag':
      return t('reason_grade_tag', [str(p.term)]);
    case 'lookalike_terms':
      return t('reason_lookalike_terms', [str(p.brand), str(p.term)]);
    case 'price_below_floor': {
      const currency = str(p.currency);
      const words = [
        formatMoney(Number(p.price), currency, language),
        str(p.percent),
        formatMoney(Number(p.floor), currency, language),
      ];
      return p.line
        ? t('reason_price_below_floor_line', [...words, str(p.brand), str(p.line)])
        : t('reason_price_below_floor', [...words, str(p.brand)]);
    }
    case 'price_below_retail': {
      const currency = str(p.currency);
      return t('reason_price_below_retail', [
        formatMoney(Number(p.price), currency, language),
        str(p.percent),
        formatMoney(Number(p.retail), currency, language),
        str(p.brand),
        str(p.line),
        str(p.source),
      ]);
    }
    case 'brand_disguised':
      return t('reason_brand_disguised', [str(p.brand), t(`disguise_${str(p.form)}` as MessageKey), str(p.text)]);
    case 'brand_absent_from_marketplace':
      return t('reason_brand_absent_from_marketplace', [str(p.brand), marketplaceName(str(p.marketplace), words)]);
    case 'fake_official_store':
      return t('reason_fake_official_store', [str(p.seller), str(p.brand)]);
    case 'seller_not_authorised':
      return t('reason_seller_not_authorised', [str(p.seller), str(p.brand)]);
    case 'bulk_luxury':
      return t('reason_bulk_luxury', [str(p.brand), str(p.term)]);
    case 'seller_pattern':
      return t('reason_seller_pattern', [str(p.seller), str(p.brands), str(p.below)]);
    case 'sold_on_replica_channel':
      return t('reason_sold_on_replica_channel', [str(p.channel), str(p.brand)]);
    case 'reviews_say_fake':
      return t('reason_reviews_say_fake', [str(p.fake), str(p.read), str(p.term)]);
    case 'replica_wording':
      return t('reason_replica_wording', [str(p.term)]);
    case 'community_flagged':
      return t('reason_community_flagged');
    case 'community_confirmed':
      return t('reason_community_confirmed', [str(p.brand)]);
    case 'honest_used':
      return t('reason_honest_used', [str(p.term)]);
    case 'honest_proof':
      return t('reason_honest_proof', [str(p.term)]);
    case 'user_genuine':
      return t('reason_user_genuine');
  }
}

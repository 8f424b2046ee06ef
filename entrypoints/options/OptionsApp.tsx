import { useEffect, useState } from 'preact/hooks';
import { shareAuditCountsItem, shareSightingsItem } from '../../src/settings/items';
import { t } from '../../src/ui/i18n';
import { AboutPanel } from './AboutPanel';
import { AnyShopSetting } from './AnyShopSetting';
import { AuditBrandPicker } from './AuditBrandPicker';
import { AuditHistory } from './AuditHistory';
import type { AccuracyState } from './accuracy';
import { BrandSearch } from './BrandSearch';
import { ConsentToggle } from './ConsentToggle';
import { OptionsSection } from './OptionsSection';
import { RegistryStatusPanel } from './RegistryStatusPanel';
import { ReportHistory } from './ReportHistory';
import { ReportingSettings } from './ReportingSettings';
import { RuleHealthPanel } from './RuleHealthPanel';
import { SectionNav } from './SectionNav';
import { SensitivitySetting } from './SensitivitySetting';
import { useCurrentSection } from './useCurrentSection';
import { VolunteerSignIn } from './VolunteerSignIn';

/** Settings, in sections a table of contents leads to: protection, reports, audit, registry, about. */
export function OptionsApp() {
  const [current, follow] = useCurrentSection();
  // The sign-in's outcome, passed on to the accuracy the history shows.
  const [accuracy, setAccuracy] = useState<AccuracyState | undefined>(undefined);

  useEffect(() => {
    document.title = t('options_title');
  }, []);

  return (
    <div class="cg-options-page">
      <header class="cg-options-header">
        <h1>{t('options_title')}</h1>
      </header>
      <SectionNav current={current} onFollow={follow} />
      <main class="cg-options">
        <OptionsSection id="protection">
          <AnyShopSetting />
          <SensitivitySetting />
        </OptionsSection>
        <OptionsSection id="reports">
          <ReportingSettings />
          <ReportHistory />
        </OptionsSection>
        <OptionsSection id="audit" class="cg-audit">
          <p class="cg-hint">{t('options_audit_intro')}</p>
          <AuditBrandPicker />
          <VolunteerSignIn onAccuracy={setAccuracy} />
          <ConsentToggle
            id="share-audit-counts"
            item={shareAuditCountsItem}
            label={t('options_share_audit_label')}
            hint={t('options_share_audit_hint')}
          />
          <ConsentToggle
            id="share-sightings"
            item={shareSightingsItem}
            label={t('options_share_sightings_label')}
            hint={t('options_share_sightings_hint')}
          />
          <AuditHistory accuracy={accuracy} />
        </OptionsSection>
        <OptionsSection id="registry">
          <RegistryStatusPanel />
          <BrandSearch />
          <RuleHealthPanel />
        </OptionsSection>
        <OptionsSection id="about">
          <AboutPanel />
        </OptionsSection>
      </main>
    </div>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../src/error-text';
import { SENSITIVITIES, type Sensitivity } from '../../src/risk/settings';
import { sensitivityItem, validSensitivity } from '../../src/settings/items';
import { t } from '../../src/ui/i18n';

/** How readily the extension warns: three choices, each explained, saved as soon as chosen. */
export function SensitivitySetting() {
  const [value, setValue] = useState<Sensitivity | undefined>(undefined);
  const [status, setStatus] = useState<'idle' | 'saved' | { error: string }>('idle');

  useEffect(() => {
    void sensitivityItem.getValue().then((stored) => setValue(validSensitivity(stored)));
    return sensitivityItem.watch((stored) => setValue(validSensitivity(stored)));
  }, []);

  async function choose(next: Sensitivity) {
    setValue(next);
    try {
      await sensitivityItem.setValue(next);
      setStatus('saved');
    } catch (error) {
      setStatus({ error: errorText(error) });
    }
  }

  return (
    <fieldset class="cg-fieldset">
      <legend>{t('options_sensitivity_legend')}</legend>
      {SENSITIVITIES.map((level) => (
        <div class="cg-setting" key={level}>
          <input
            id={`sensitivity-${level}`}
            type="radio"
            name="sensitivity"
            value={level}
            checked={value === level}
            disabled={value === undefined}
            aria-describedby={`sensitivity-${level}-hint`}
            onChange={() => void choose(level)}
          />
          <div>
            <label for={`sensitivity-${level}`}>{t(`options_sensitivity_${level}`)}</label>
            <p id={`sensitivity-${level}-hint`} class="cg-hint">
              {t(`options_sensitivity_${level}_hint`)}
            </p>
          </div>
        </div>
      ))}
      <p class="cg-status" role="status">
        {status === 'saved' && t('options_sensitivity_saved')}
        {typeof status === 'object' && t('options_error', [status.error])}
      </p>
    </fieldset>
  );
}

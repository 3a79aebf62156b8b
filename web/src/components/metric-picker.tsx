import { useId } from 'react';
import './filters.css';
import { useTranslation } from 'react-i18next';

export interface MetricChoice {
  code: string;
  name: string;
}

/** A metric of the catalogue, labelled in the interface's language (the API's name when there is no translation). */
export function MetricPicker({ value, metrics, onChange }: { value: string; metrics: MetricChoice[]; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const choices = metrics.length ? metrics : [{ code: value, name: value }];
  return (
    <span className="field-inline">
      <label htmlFor={id}>{t('filters.metric')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {choices.map((m) => (
          <option key={m.code} value={m.code}>
            {t(`metrics.${m.code}`, { defaultValue: m.name })}
          </option>
        ))}
      </select>
    </span>
  );
}

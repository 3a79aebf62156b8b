import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CreateKpiMutation } from '../api/create-kpi';
import { fieldErrors } from '../api/field-errors';
import { sliceLabel, type AdminKpi } from '../api/kpi-admin-view';
import { UpdateKpiMutation } from '../api/update-kpi';
import { Field } from './field';

const refresh = { additionalTypenames: ['Kpi', 'Scorecard', 'ScorecardKpi'] };
type ParentChoice = { id: string; label: string };

/**
 * Create a KPI (metric, slice, weight, shared, owner, cascade parent) or edit one (weight, shared, owner, parent). The API
 * refuses a bad input as a whole: each of its errors is shown at its field, and nothing is saved.
 */
export function KpiForm({
  unit,
  kpi,
  metrics,
  parents,
  onSaved,
}: {
  unit: string;
  kpi: AdminKpi | null;
  metrics: { code: string; name: string }[];
  parents: ParentChoice[];
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [metric, setMetric] = useState(kpi?.metric.code ?? metrics[0]?.code ?? 'nps');
  const [sliceDimension, setSliceDimension] = useState('');
  const [sliceValue, setSliceValue] = useState('');
  const [weight, setWeight] = useState(String(kpi?.weight ?? 1));
  const [shared, setShared] = useState(kpi?.shared ?? false);
  const [owner, setOwner] = useState(kpi?.owner ?? '');
  const [parent, setParent] = useState(kpi?.parent?.id ?? '');
  const [created, create] = useMutation(CreateKpiMutation);
  const [updated, update] = useMutation(UpdateKpiMutation);
  const [saved, setSaved] = useState(false);
  const result = kpi ? updated : created;
  const errors = fieldErrors(result.error);
  const local: Record<string, string> = {};
  const weightNumber = Number(weight.replace(',', '.'));
  if (weight.trim() === '' || Number.isNaN(weightNumber)) local['input.weight'] = t('kpiAdmin.notANumber');
  const error = (field: string) => local[field] ?? errors[`input.${field.replace(/^input\./, '')}`] ?? errors[field];

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (Object.keys(local).length) return;
    if (kpi) {
      const r = await update(
        { input: { id: kpi.id, weight: weightNumber, shared, owner: owner.trim() || null, parent: parent || null, clearParent: !parent && !!kpi.parent } },
        refresh,
      );
      if (!r.error) setSaved(true);
    } else {
      const r = await create(
        {
          input: {
            unit,
            metric,
            sliceDimension: sliceDimension ? (sliceDimension as 'CHANNEL' | 'JOURNEY_STAGE' | 'SEGMENT') : null,
            sliceValue: sliceValue.trim() || null,
            weight: weightNumber,
            shared,
            owner: owner.trim() || null,
            parent: parent || null,
          },
        },
        refresh,
      );
      if (!r.error && r.data) onSaved(r.data.createKpi.id);
    }
  }

  return (
    <form className="kpi-form" onSubmit={submit} noValidate aria-label={kpi ? t('kpiAdmin.editTitle') : t('kpiAdmin.newTitle')}>
      {kpi ? (
        <p className="kpi-form__fixed">
          <strong>{t(`metrics.${kpi.metric.code}`, { defaultValue: kpi.metric.name })}</strong> {sliceLabel(kpi) && <span className="muted">{sliceLabel(kpi)}</span>}
        </p>
      ) : (
        <>
          <Field label={t('filters.metric')} error={error('input.metric')}>
            {(p) => (
              <select {...p} value={metric} onChange={(e) => setMetric(e.target.value)}>
                {metrics.map((m) => (
                  <option key={m.code} value={m.code}>
                    {t(`metrics.${m.code}`, { defaultValue: m.name })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="kpi-form__row">
            <Field label={t('kpiAdmin.sliceDimension')} error={error('input.sliceDimension')}>
              {(p) => (
                <select {...p} value={sliceDimension} onChange={(e) => setSliceDimension(e.target.value)}>
                  <option value="">{t('kpiAdmin.wholeMetric')}</option>
                  <option value="CHANNEL">{t('breakdowns.by.channel')}</option>
                  <option value="JOURNEY_STAGE">{t('breakdowns.by.journey_stage')}</option>
                  <option value="SEGMENT">{t('breakdowns.by.segment')}</option>
                </select>
              )}
            </Field>
            <Field label={t('kpiAdmin.sliceValue')} error={error('input.sliceValue')}>
              {(p) => <input {...p} value={sliceValue} onChange={(e) => setSliceValue(e.target.value)} />}
            </Field>
          </div>
        </>
      )}
      <div className="kpi-form__row">
        <Field label={t('kpiAdmin.weight')} error={error('input.weight')}>
          {(p) => <input {...p} inputMode="decimal" value={weight} onChange={(e) => setWeight(e.target.value)} />}
        </Field>
        <Field label={t('kpiAdmin.owner')} error={error('input.owner')}>
          {(p) => <input {...p} value={owner} onChange={(e) => setOwner(e.target.value)} />}
        </Field>
      </div>
      <Field label={t('kpiAdmin.parent')} error={error('input.parent')}>
        {(p) => (
          <select {...p} value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">{t('kpiAdmin.noParent')}</option>
            {parents.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="toggle">
        <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
        {t('kpiAdmin.shared')}
      </label>
      {(errors[''] || errors['input']) && (
        <p className="field__error" role="alert">
          {[errors[''], errors['input']].filter(Boolean).join('; ')}
        </p>
      )}
      {Object.keys(errors).length > 0 && (
        <p className="field__error" role="alert" data-testid="form-refused">
          {t('kpiAdmin.refused')}
        </p>
      )}
      {saved && (
        <p className="small" role="status">
          {t('kpiAdmin.saved')}
        </p>
      )}
      <button type="submit" disabled={result.fetching}>
        {kpi ? t('kpiAdmin.save') : t('kpiAdmin.create')}
      </button>
    </form>
  );
}

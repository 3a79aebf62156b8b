import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { SaveKpiInput } from '../../../gql/graphql';
import { fieldErrors, targetError } from '../api/field-errors';
import { parseCell, periodStarts, ruleInput, sliceLabel, toRuleLines, type AdminKpi, type RuleLine, type TargetGrainWord } from '../api/kpi-admin-view';
import { SaveKpiMutation } from '../api/save-kpi';
import { Field } from './field';
import { StatusRuleEditor } from './status-rule-editor';
import { TargetsGrid } from './targets-grid';

const refresh = { additionalTypenames: ['Kpi', 'KpiTarget', 'Scorecard', 'ScorecardKpi'] };
const grains: TargetGrainWord[] = ['month', 'quarter', 'year'];
type ParentChoice = { id: string; label: string };
type Grain = 'MONTH' | 'QUARTER' | 'YEAR';

/**
 * Create or edit a KPI with its status rule and its targets, saved by ONE call (saveKpi): the API checks every field,
 * rule line and target first and writes them in one transaction, so nothing is half-saved. Each of its errors shows at
 * its field, rule line or target cell. Grain and year of the targets shown are the route's (URL); switching them starts
 * the cells again from what is saved.
 */
export function KpiEditor({
  unit,
  kpi,
  metrics,
  parents,
  grain,
  year,
  years,
  onView,
  onSaved,
}: {
  unit: string;
  kpi: AdminKpi | null;
  metrics: { code: string; name: string }[];
  parents: ParentChoice[];
  grain: TargetGrainWord;
  year: number;
  years: number[];
  onView: (key: 'grain' | 'year', value: string) => void;
  onSaved: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [metric, setMetric] = useState(kpi?.metric.code ?? metrics[0]?.code ?? 'nps');
  const [sliceDimension, setSliceDimension] = useState('');
  const [sliceValue, setSliceValue] = useState('');
  const [weight, setWeight] = useState(String(kpi?.weight ?? 1));
  const [shared, setShared] = useState(kpi?.shared ?? false);
  const [owner, setOwner] = useState(kpi?.owner ?? '');
  const [parent, setParent] = useState(kpi?.parent?.id ?? '');
  const savedRule: RuleLine[] | null = kpi && !kpi.defaultStatusRule ? toRuleLines(kpi.statusRule) : null;
  const [rule, setRule] = useState<RuleLine[] | null>(savedRule);
  const [result, save] = useMutation(SaveKpiMutation);
  const [saved, setSaved] = useState(false);
  const [tried, setTried] = useState(false);

  // The cells belong to the grain and year shown: another view starts from what is saved.
  const view = `${grain}-${year}`;
  const starts = periodStarts(year, grain);
  const initial = starts.map((s) => {
    const v = kpi?.targets.find((x) => x.periodStart === s)?.target;
    return v == null ? '' : String(v);
  });
  const [cellState, setCellState] = useState({ view, cells: initial });
  const cells = cellState.view === view ? cellState.cells : initial;
  const onCells = (update: (cells: string[]) => string[]) => {
    setSaved(false);
    setCellState({ view, cells: update(cells) });
  };
  const [sent, setSent] = useState<{ view: string; indexes: number[] }>({ view, indexes: [] });

  const errors = fieldErrors(result.error, t, i18n.language);
  const weightNumber = Number(weight.replace(',', '.'));
  const weightInvalid = weight.trim() === '' || Number.isNaN(weightNumber);
  const invalidCells = cells.map((c) => parseCell(c) === 'invalid');
  const ruleValues = rule ? ruleInput(rule) : null;
  const ruleInvalid = rule !== null && ruleValues === null;
  const changedCells = cells.map((_, i) => i).filter((i) => cells[i].trim() !== initial[i]);
  const ruleChanged = JSON.stringify(rule && ruleValues) !== JSON.stringify(savedRule && ruleInput(savedRule));

  const shown = new Set<string>();
  const error = (field: string) => {
    shown.add(`input.${field}`);
    return errors[`input.${field}`];
  };
  const cellError = (cell: number) => {
    if (invalidCells[cell]) return t('kpiAdmin.notANumber');
    const k = sent.view === view ? sent.indexes.indexOf(cell) : -1;
    if (k < 0 || !result.error) return undefined;
    Object.keys(errors).filter((f) => f.startsWith(`input.targets[${k}]`)).forEach((f) => shown.add(f));
    return targetError(errors, k);
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    setTried(true);
    if (weightInvalid || ruleInvalid || invalidCells.some(Boolean)) return;
    const input: Record<string, unknown> = {
      weight: weightNumber,
      shared,
      owner: owner.trim() || null,
      parent: parent || null,
      targetGrain: grain.toUpperCase() as Grain,
      targets: changedCells.map((i) => ({ periodStart: starts[i], target: parseCell(cells[i]) as number | null })),
    };
    if (kpi) {
      input.id = kpi.id;
      input.clearParent = !parent && !!kpi.parent;
      if (ruleChanged) {
        if (rule === null) input.defaultStatusRule = true;
        else input.statusRule = ruleValues;
      }
    } else {
      Object.assign(input, {
        unit,
        metric,
        sliceDimension: sliceDimension ? (sliceDimension as 'CHANNEL' | 'JOURNEY_STAGE' | 'SEGMENT') : null,
        sliceValue: sliceValue.trim() || null,
      });
      if (rule !== null) input.statusRule = ruleValues;
    }
    setSent({ view, indexes: changedCells });
    const r = await save({ input: input as unknown as SaveKpiInput }, refresh);
    if (r.error || !r.data) return;
    if (kpi) setSaved(true);
    else onSaved(r.data.saveKpi.id);
  }

  const title = kpi ? t('kpiAdmin.editTitle') : t('kpiAdmin.newTitle');
  const fields = (
    <>
      {kpi ? (
        <p className="kpi-form__fixed">
          <strong>{t(`metrics.${kpi.metric.code}`, { defaultValue: kpi.metric.name })}</strong> {sliceLabel(kpi) && <span className="muted">{sliceLabel(kpi)}</span>}
        </p>
      ) : (
        <>
          <Field label={t('filters.metric')} error={error('metric')}>
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
            <Field label={t('kpiAdmin.sliceDimension')} error={error('sliceDimension')}>
              {(p) => (
                <select {...p} value={sliceDimension} onChange={(e) => setSliceDimension(e.target.value)}>
                  <option value="">{t('kpiAdmin.wholeMetric')}</option>
                  <option value="CHANNEL">{t('breakdowns.by.channel')}</option>
                  <option value="JOURNEY_STAGE">{t('breakdowns.by.journey_stage')}</option>
                  <option value="SEGMENT">{t('breakdowns.by.segment')}</option>
                </select>
              )}
            </Field>
            <Field label={t('kpiAdmin.sliceValue')} error={error('sliceValue')}>
              {(p) => <input {...p} value={sliceValue} onChange={(e) => setSliceValue(e.target.value)} />}
            </Field>
          </div>
        </>
      )}
      <div className="kpi-form__row">
        <Field label={t('kpiAdmin.weight')} error={weightInvalid && tried ? t('kpiAdmin.notANumber') : error('weight')}>
          {(p) => <input {...p} inputMode="decimal" value={weight} onChange={(e) => setWeight(e.target.value)} />}
        </Field>
        <Field label={t('kpiAdmin.owner')} error={error('owner')}>
          {(p) => <input {...p} value={owner} onChange={(e) => setOwner(e.target.value)} />}
        </Field>
      </div>
      <Field label={t('kpiAdmin.parent')} error={error('parent') ?? error('clearParent')}>
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
    </>
  );
  Object.keys(errors).filter((f) => f.startsWith('input.statusRule')).forEach((f) => shown.add(f));
  const rules = (
    <StatusRuleEditor
      lines={rule}
      onChange={(lines) => {
        setSaved(false);
        setRule(lines);
      }}
      errors={errors}
    />
  );
  const cellErrors = starts.map((_, i) => cellError(i));
  const grid = (
    <TargetsGrid year={year} grain={grain} starts={starts} cells={cells} initial={initial} onCells={onCells} errorOf={(i) => cellErrors[i]} />
  );
  const targetsGeneral = [error('targets'), error('targetGrain')].filter(Boolean).join('; ');
  // Whatever the API refused that no field above shows (an unknown id, a forbidden call, the network) is said here.
  const other = Object.entries(errors).filter(([k]) => !shown.has(k)).map(([, v]) => v);
  return (
    <form className="kpi-form" onSubmit={submit} noValidate aria-label={title}>
      {fields}
      {rules}
      <fieldset className="kpi-form__targets">
        <legend>{t('kpiAdmin.targets')}</legend>
        <div className="filters">
          <span className="field-inline">
            <label htmlFor="targets-grain">{t('common.grain')}</label>
            <select id="targets-grain" value={grain} onChange={(e) => onView('grain', e.target.value)}>
              {grains.map((g) => (
                <option key={g} value={g}>
                  {t(`common.${g}`)}
                </option>
              ))}
            </select>
          </span>
          <span className="field-inline">
            <label htmlFor="targets-year">{t('common.year')}</label>
            <select id="targets-year" value={year} onChange={(e) => onView('year', e.target.value)}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </span>
        </div>
        {grid}
        <p className="muted small">{t('kpiAdmin.pasteHelp')}</p>
        {targetsGeneral && <p className="field__error">{targetsGeneral}</p>}
      </fieldset>
      {other.length > 0 && (
        <p className="field__error" role="alert">
          {other.join('; ')}
        </p>
      )}
      {result.error && (
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

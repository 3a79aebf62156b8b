import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { formatPeriod } from '../../../lib/format';
import { fieldErrors, targetError } from '../api/field-errors';
import { parseCell, parseClipboard, periodStarts, type TargetGrainWord } from '../api/kpi-admin-view';
import { SetKpiTargetsMutation } from '../api/set-kpi-targets';

const refresh = { additionalTypenames: ['Kpi', 'KpiTarget', 'Scorecard', 'ScorecardKpi'] };

const periodOf = (start: string, grain: TargetGrainWord) => {
  const [y, m] = start.split('-').map(Number);
  return grain === 'month' ? start.slice(0, 7) : grain === 'quarter' ? `${y}-Q${Math.ceil(m / 3)}` : String(y);
};

/**
 * A KPI's targets for the periods of a year, one editable cell each. Pasting cells copied from Excel (tab-separated)
 * fills the cells from the one pasted into, to the right. Save sends every changed cell in one call (an emptied cell
 * removes its target); the API takes all or nothing, so a refused value is shown at its cell and nothing is saved.
 */
export function TargetsGrid({ kpi, year, grain, targets, unit }: { kpi: string; year: number; grain: TargetGrainWord; targets: { periodStart: string; target: number }[]; unit: string }) {
  const { t, i18n } = useTranslation();
  const starts = periodStarts(year, grain);
  const initial = starts.map((s) => {
    const v = targets.find((x) => x.periodStart === s)?.target;
    return v == null ? '' : String(v);
  });
  const [cells, setCells] = useState(initial);
  const [sent, setSent] = useState<number[]>([]);
  const [saved, setSaved] = useState(false);
  const [result, save] = useMutation(SetKpiTargetsMutation);
  const errors = fieldErrors(result.error);
  const changed = cells.map((c, i) => c.trim() !== initial[i]);
  const invalid = cells.map((c) => parseCell(c) === 'invalid');

  function edit(i: number, value: string) {
    setSaved(false);
    setCells((prev) => prev.map((c, j) => (j === i ? value : c)));
  }

  function onPaste(i: number, e: React.ClipboardEvent<HTMLInputElement>) {
    const rows = parseClipboard(e.clipboardData.getData('text/plain'));
    const row = rows[0] ?? [];
    if (rows.length === 1 && row.length <= 1) return; // one value: the browser pastes it as usual
    e.preventDefault();
    setSaved(false);
    setCells((prev) => prev.map((c, j) => (j >= i && j - i < row.length ? row[j - i].trim() : c)));
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (invalid.some(Boolean)) return;
    const indexes = cells.map((_, i) => i).filter((i) => changed[i]);
    if (indexes.length === 0) return;
    setSent(indexes);
    const r = await save(
      {
        input: {
          kpi,
          grain: grain.toUpperCase() as 'MONTH' | 'QUARTER' | 'YEAR',
          targets: indexes.map((i) => ({ periodStart: starts[i], target: parseCell(cells[i]) as number | null })),
        },
      },
      refresh,
    );
    if (!r.error) setSaved(true);
  }

  // An error of the i-th target sent belongs to the cell it came from.
  const cellError = (cell: number) => {
    if (invalid[cell]) return t('kpiAdmin.notANumber');
    const k = sent.indexOf(cell);
    return k >= 0 && result.error ? targetError(errors, k) : undefined;
  };
  const general = Object.entries(errors).filter(([k]) => !k.startsWith('input.targets['));
  const lng = i18n.language;
  return (
    <form onSubmit={submit} noValidate aria-label={t('kpiAdmin.targets')} data-unit={unit}>
      <div className="targets-grid" role="group" aria-label={t('kpiAdmin.targetsOf', { year })}>
        {starts.map((s, i) => {
          const err = cellError(i);
          const label = formatPeriod(periodOf(s, grain), lng, 'short');
          return (
            <div key={s} className={`targets-grid__cell${err ? ' targets-grid__cell--error' : ''}${changed[i] ? ' targets-grid__cell--changed' : ''}`}>
              <label htmlFor={`target-${s}`}>{label}</label>
              <input
                id={`target-${s}`}
                data-period={s}
                inputMode="decimal"
                value={cells[i]}
                aria-invalid={!!err}
                aria-describedby={err ? `target-${s}-error` : undefined}
                onChange={(e) => edit(i, e.target.value)}
                onPaste={(e) => onPaste(i, e)}
              />
              {err && (
                <p className="field__error" id={`target-${s}-error`}>
                  {err}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <p className="muted small">{t('kpiAdmin.pasteHelp')}</p>
      {general.length > 0 && (
        <p className="field__error" role="alert">
          {general.map(([, v]) => v).join('; ')}
        </p>
      )}
      {result.error && (
        <p className="field__error" role="alert" data-testid="targets-refused">
          {t('kpiAdmin.refused')}
        </p>
      )}
      {saved && (
        <p className="small" role="status">
          {t('kpiAdmin.saved')}
        </p>
      )}
      <button type="submit" disabled={result.fetching || !changed.some(Boolean)}>
        {t('kpiAdmin.saveTargets')}
      </button>
    </form>
  );
}

import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../../../lib/format';
import { parseClipboard, type TargetGrainWord } from '../api/kpi-admin-view';

const periodOf = (start: string, grain: TargetGrainWord) => {
  const [y, m] = start.split('-').map(Number);
  return grain === 'month' ? start.slice(0, 7) : grain === 'quarter' ? `${y}-Q${Math.ceil(m / 3)}` : String(y);
};

/**
 * A KPI's targets for the periods of a year, one editable cell each (controlled: the KPI editor holds the cells and
 * saves them with the KPI). Pasting cells copied from Excel (tab-separated) fills the cells from the one pasted into,
 * to the right. A changed cell is marked; a cell's error (not a number, or the API's) shows under it.
 */
export function TargetsGrid({
  year,
  grain,
  starts,
  cells,
  initial,
  onCells,
  errorOf,
}: {
  year: number;
  grain: TargetGrainWord;
  starts: string[];
  cells: string[];
  initial: string[];
  onCells: (update: (cells: string[]) => string[]) => void;
  errorOf: (cell: number) => string | undefined;
}) {
  const { t, i18n } = useTranslation();

  function onPaste(i: number, e: React.ClipboardEvent<HTMLInputElement>) {
    const rows = parseClipboard(e.clipboardData.getData('text/plain'));
    const row = rows[0] ?? [];
    if (rows.length === 1 && row.length <= 1) return; // one value: the browser pastes it as usual
    e.preventDefault();
    onCells((prev) => prev.map((c, j) => (j >= i && j - i < row.length ? row[j - i].trim() : c)));
  }

  return (
    <div className="targets-grid" role="group" aria-label={t('kpiAdmin.targetsOf', { year })}>
      {starts.map((s, i) => {
        const err = errorOf(i);
        const changed = cells[i].trim() !== initial[i];
        return (
          <div key={s} className={`targets-grid__cell${err ? ' targets-grid__cell--error' : ''}${changed ? ' targets-grid__cell--changed' : ''}`}>
            <label htmlFor={`target-${s}`}>{formatPeriod(periodOf(s, grain), i18n.language, 'short')}</label>
            <input
              id={`target-${s}`}
              data-period={s}
              inputMode="decimal"
              value={cells[i]}
              aria-invalid={!!err}
              aria-describedby={err ? `target-${s}-error` : undefined}
              onChange={(e) => onCells((prev) => prev.map((c, j) => (j === i ? e.target.value : c)))}
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
  );
}

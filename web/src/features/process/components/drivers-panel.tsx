import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/error-state';
import { formatDifference, formatInteger, formatShare, formatValue } from '../../../lib/format';
import type { DriverRow, Split } from '../api/process-view';

type Outcome = 'csat' | 'nps';

/**
 * For each process condition: the outcome with and without it, the gap with its 95% interval drawn as an error bar
 * on one shared scale, the share of volume with the condition, and the estimated change if the process KPI met its
 * target.
 */
export function DriversPanel({ drivers, linked, outcome, onOutcome }: { drivers: DriverRow[]; linked: number | null; outcome: Outcome; onOutcome: (o: Outcome) => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const unit = outcome === 'csat' ? 'percent' : 'score';
  const splits = drivers.map((d) => d[outcome]);
  const extent = Math.max(1, ...splits.flatMap((s) => [Math.abs(s.gapLow ?? 0), Math.abs(s.gapHigh ?? 0), Math.abs(s.gap ?? 0)]));
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="drivers-head">
        <h2 id={`${id}-title`}>{t('process.driversTitle')}</h2>
        <label>
          {t('process.outcomeMetric')}{' '}
          <select value={outcome} onChange={(e) => onOutcome(e.target.value as Outcome)}>
            <option value="csat">{t('metrics.csat')}</option>
            <option value="nps">{t('metrics.nps')}</option>
          </select>
        </label>
      </div>
      {linked != null && <p className="muted small">{t('process.linked', { n: formatInteger(linked, lng) })}</p>}
      {drivers.length === 0 || splits.every((s) => s.nWith + s.nWithout === 0) ? (
        <EmptyState>{t('process.noDrivers')}</EmptyState>
      ) : (
        <table className="table drivers-table">
          <thead>
            <tr>
              <th scope="col">{t('process.condition')}</th>
              <th scope="col" className="num">{t('process.with')}</th>
              <th scope="col" className="num">{t('process.without')}</th>
              <th scope="col" className="num">{t('process.gap')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('process.gap')}</span>
              </th>
              <th scope="col" className="num">{t('process.share')}</th>
              <th scope="col" className="num">{t('process.atTarget')}</th>
            </tr>
          </thead>
          <tbody>
            {drivers.map((d) => {
              const s = d[outcome];
              return (
                <tr key={d.condition} data-condition={d.condition}>
                  <th scope="row">
                    {t(`process.conditions.${d.condition}`, { defaultValue: d.condition })}
                    <span className="kpi-sub muted small"> · {t(`metrics.${d.processMetric}`, { defaultValue: d.processMetric })}</span>
                  </th>
                  <GroupCell value={s.valueWith} n={s.nWith} unit={unit} />
                  <GroupCell value={s.valueWithout} n={s.nWithout} unit={unit} />
                  <td className="num">
                    {s.gap == null ? '–' : formatDifference(s.gap, unit, lng)}
                    {s.gapLow != null && s.gapHigh != null && (
                      <span className="muted small">
                        {' '}
                        [{formatDifference(s.gapLow, unit, lng)}, {formatDifference(s.gapHigh, unit, lng)}]
                      </span>
                    )}
                  </td>
                  <td>
                    <ErrorBar split={s} extent={extent} />
                  </td>
                  <td className="num">{s.shareWith == null ? '–' : formatShare(s.shareWith, 0, lng)}</td>
                  <td className="num">
                    {s.estimatedChange == null ? '–' : formatDifference(s.estimatedChange, unit, lng)}
                    {s.estimatedChangeLow != null && s.estimatedChangeHigh != null && (
                      <span className="muted small">
                        {' '}
                        [{formatDifference(s.estimatedChangeLow, unit, lng)}, {formatDifference(s.estimatedChangeHigh, unit, lng)}]
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One group's outcome and n; a group under the privacy floor has no value from the API and shows the mark. */
function GroupCell({ value, n, unit }: { value: number | null; n: number; unit: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const suppressed = value == null && n > 0;
  return (
    <td className="num">
      {suppressed ? (
        <span className="mark mark--suppressed" data-testid="suppressed-mark" title={t('scorecard.suppressed')}>
          {t('scorecard.suppressedValue')}
        </span>
      ) : (
        formatValue(value, unit, lng)
      )}{' '}
      <span className="muted small">n={formatInteger(n, lng)}</span>
    </td>
  );
}

/** The gap as a dot with its 95% interval as whiskers, on a scale shared by every row (zero in the middle). */
function ErrorBar({ split: s, extent }: { split: Split; extent: number }) {
  const w = 160;
  const h = 18;
  const x = (v: number) => w / 2 + (v / extent) * (w / 2 - 6);
  return (
    <svg className="error-bar" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true">
      <line x1={w / 2} x2={w / 2} y1={0} y2={h} stroke="#8a94a6" strokeDasharray="2 2" />
      {s.gapLow != null && s.gapHigh != null && (
        <g stroke={s.significant ? '#1e3eb0' : '#8a94a6'} strokeWidth={1.5}>
          <line x1={x(s.gapLow)} x2={x(s.gapHigh)} y1={h / 2} y2={h / 2} />
          <line x1={x(s.gapLow)} x2={x(s.gapLow)} y1={4} y2={h - 4} />
          <line x1={x(s.gapHigh)} x2={x(s.gapHigh)} y1={4} y2={h - 4} />
        </g>
      )}
      {s.gap != null && <circle cx={x(s.gap)} cy={h / 2} r={4} fill={s.significant ? '#1e3eb0' : '#8a94a6'} />}
    </svg>
  );
}

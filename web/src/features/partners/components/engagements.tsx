import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NWithMarks } from '../../../components/n-marks';
import { StatusBadge } from '../../../components/status-badge';
import { formatAttainment, formatValue } from '../../../lib/format';
import type { PartnerView } from '../api/partner-view';

/**
 * The partner's engagements under each department, each with its KPI lines and a link to its full scorecard (no link
 * when the caller may not open it: an embed token without drill; no KPI lines when they are not read).
 */
export function Engagements({
  departments,
  period,
  canOpen = true,
  kpis = true,
}: {
  departments: PartnerView['departments'];
  period: string;
  canOpen?: boolean;
  kpis?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <div className="engagements">
      {departments.map((d, i) => (
        <section key={d.name} className="engagements__department" aria-labelledby={`dept-${i}`}>
          <h3 id={`dept-${i}`}>
            {d.unitId && canOpen ? <Link to={`/units/${d.unitId}/scorecard?period=${period}`}>{d.name}</Link> : d.name}
          </h3>
          {d.engagements.map((e) => (
            <div key={e.id} className="engagements__item" data-engagement={e.code}>
              <div className="engagements__head">
                <h4>{e.name}</h4>
                <span className="muted small">{e.code}</span>
                {canOpen && (
                  <Link to={`/units/${e.id}/scorecard?period=${period}`} aria-label={t('partners.openScorecard', { name: e.name })}>
                    {t('partners.scorecard')}
                  </Link>
                )}
              </div>
              {!kpis ? null : e.kpis.length === 0 ? (
                <p className="muted small">{t('scorecard.noKpis')}</p>
              ) : (
                <table className="table table--compact">
                  <caption className="visually-hidden">{t('partners.kpisOf', { name: e.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('scorecard.kpi')}</th>
                      <th scope="col" className="num">{t('scorecard.actual')}</th>
                      <th scope="col" className="num">{t('scorecard.target')}</th>
                      <th scope="col" className="num">{t('scorecard.attainment')}</th>
                      <th scope="col">{t('scorecard.status')}</th>
                      <th scope="col" className="num">{t('scorecard.n')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.kpis.map((k) => (
                      <tr key={k.id} data-metric={k.metric}>
                        <th scope="row">
                          {t(`metrics.${k.metric}`, { defaultValue: k.metricName })}
                          {k.slice && <span className="kpi-sub">{k.slice}</span>}
                        </th>
                        <td className="num" data-testid="actual">
                          {k.suppressed ? <span className="mark mark--suppressed">{t('scorecard.suppressedValue')}</span> : formatValue(k.actual, k.valueUnit, lng)}
                        </td>
                        <td className="num">{formatValue(k.target, k.valueUnit, lng)}</td>
                        <td className="num">{formatAttainment(k.attainment, lng)}</td>
                        <td>
                          {/* A hidden actual has no status of its own: "suppressed", not "no data" (n is there). */}
                          <StatusBadge status={k.suppressed ? 'SUPPRESSED' : k.status} compact />
                        </td>
                        <td className="num">
                          <NWithMarks n={k.n} suppressed={k.suppressed} lowConfidence={k.lowConfidence} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

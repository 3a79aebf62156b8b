import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { sliceLabel, type AdminKpi } from '../api/kpi-admin-view';

/** The unit's KPIs; the selected one (?kpi=) is edited beside the list. */
export function KpiList({ kpis, selected, hrefOf }: { kpis: AdminKpi[]; selected: string | null; hrefOf: (kpi: string) => string }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="table table--compact kpi-list">
      <caption className="visually-hidden">{t('kpiAdmin.list')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('scorecard.kpi')}</th>
          <th scope="col" className="num">{t('kpiAdmin.weight')}</th>
          <th scope="col">{t('kpiAdmin.parent')}</th>
        </tr>
      </thead>
      <tbody>
        {kpis.map((k) => (
          <tr key={k.id} aria-current={selected === k.id ? 'true' : undefined} data-kpi={k.id} data-metric={k.metric.code}>
            <th scope="row">
              <Link to={hrefOf(k.id)}>{t(`metrics.${k.metric.code}`, { defaultValue: k.metric.name })}</Link>
              {k.shared && <span className="mark mark--shared">{t('scorecard.shared')}</span>}
              {sliceLabel(k) && <span className="kpi-sub">{sliceLabel(k)}</span>}
            </th>
            <td className="num">{formatNumber(k.weight, 1, i18n.language)}</td>
            <td className="small">{k.parent ? `${k.parent.unit.name} · ${t(`metrics.${k.parent.metric.code}`, { defaultValue: k.parent.metric.name })}` : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

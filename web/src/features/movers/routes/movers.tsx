import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { EmptyState, ErrorState } from '../../../components/error-state';
import { MetricPicker } from '../../../components/metric-picker';
import { OutOfScope } from '../../../components/out-of-scope';
import { PeriodPicker } from '../../../components/period-picker';
import { Skeleton } from '../../../components/skeleton';
import { formatPeriod } from '../../../lib/format';
import { isNotFound } from '../../../lib/graphql-errors';
import { useSearchParam } from '../../../lib/use-search-param';
import { currentMonth, usePeriodParam } from '../../../lib/use-period';
import { TopMoversQuery } from '../api/get-top-movers';
import { toMoversView } from '../api/movers-view';
import { MoversTable } from '../components/movers-table';
import '../components/movers.css';
import { PageHeading } from '../../../components/page-heading';
import { ToLatestPeriod } from '../../../components/to-latest-period';
import { NoResponses, noneCounted } from '../../../components/no-responses';

/** The units under this one that moved most on a metric (?metric=&period=&significant=only), significant changes first. */
export function MoversRoute() {
  const { t, i18n } = useTranslation();
  const { unit = '' } = useParams();
  const [period, setPeriod] = usePeriodParam();
  const [metric, setMetric] = useSearchParam('metric', 'nps');
  const [significant, setSignificant] = useSearchParam('significant', '', ['only']);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: TopMoversQuery,
    variables: { unit, period: period ?? '', metric, significantOnly: significant === 'only' },
    pause: !period,
  });
  if (!period) return <ToLatestPeriod />;
  if (isNotFound(error)) return <OutOfScope unit={unit} />;

  const view = data ? toMoversView(data) : null;
  const info = view?.metrics.find((m) => m.code === metric);
  const caption = t('movers.caption', { metric: info ? t(`metrics.${info.code}`, { defaultValue: info.name }) : metric, period: formatPeriod(period, i18n.language) });
  return (
    <div className="page page--wide" aria-busy={fetching}>
      <div className="page-head">
        <div>
          {view ? (
            <Breadcrumbs
              items={view.breadcrumb.map((c) => ({ name: c.name, to: c.unitId ? `/units/${c.unitId}/movers?period=${period}&metric=${metric}` : undefined }))}
              current={view.unit.name}
            />
          ) : (
            <div className="breadcrumbs-placeholder" />
          )}
          <PageHeading>{view ? t('movers.title', { unit: view.unit.name }) : t('common.loading')}</PageHeading>
          <p className="muted small">{caption}</p>
        </div>
        <div className="filters">
          <MetricPicker value={metric} metrics={view?.metrics ?? []} onChange={setMetric} />
          <PeriodPicker value={period} latest={currentMonth()} onChange={setPeriod} />
          <label className="toggle">
            <input type="checkbox" checked={significant === 'only'} onChange={(e) => setSignificant(e.target.checked ? 'only' : null)} />
            {t('movers.significantOnly')}
          </label>
        </div>
      </div>
      {error ? (
        <ErrorState message={error.message} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !view || !info ? (
        <Skeleton label={t('common.loading')} rows={10} />
      ) : data?.unit && noneCounted([data.unit.self]) ? (
        <NoResponses period={period} />
      ) : view.rows.length === 0 ? (
        <EmptyState>{t('movers.none')}</EmptyState>
      ) : (
        <MoversTable rows={view.rows} metric={info} period={period} caption={caption} />
      )}
    </div>
  );
}

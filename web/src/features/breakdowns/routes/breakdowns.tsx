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
import { BreakdownsQuery } from '../api/get-breakdowns';
import { dimensions, toBreakdownView } from '../api/breakdown-view';
import { BreakdownChart } from '../components/breakdown-chart';
import { BreakdownTable } from '../components/breakdown-table';
import '../components/breakdowns.css';
import { PageHeading } from '../../../components/page-heading';
import { ToLatestPeriod } from '../../../components/to-latest-period';
import { NoResponses, noneCounted } from '../../../components/no-responses';

/**
 * A metric of a unit by channel, journey stage and segment (?metric=csat&period=2026-10), one request; ?compare=previous
 * puts the previous period beside each bar with the change and its significance.
 */
export function BreakdownsRoute() {
  const { t, i18n } = useTranslation();
  const { unit = '' } = useParams();
  const [period, setPeriod] = usePeriodParam();
  const [metric, setMetric] = useSearchParam('metric', 'nps');
  const [compareParam, setCompare] = useSearchParam('compare', '', ['previous']);
  const compare = compareParam === 'previous';
  const [{ data, error, fetching }, refetch] = useQuery({ query: BreakdownsQuery, variables: { unit, period: period ?? '', metric }, pause: !period });
  if (!period) return <ToLatestPeriod />;
  if (isNotFound(error)) return <OutOfScope unit={unit} />;

  const view = data ? toBreakdownView(data) : null;
  const info = view?.metrics.find((m) => m.code === metric);
  // No bar in any dimension has a count: the period has nothing to break down.
  const empty = data?.unit && noneCounted([...data.unit.channel, ...data.unit.journey_stage, ...data.unit.segment].map((r) => r.value));
  const metricName = info ? t(`metrics.${info.code}`, { defaultValue: info.name }) : metric;
  return (
    <div className="page page--wide" aria-busy={fetching}>
      <div className="page-head">
        <div>
          {view ? (
            <Breadcrumbs
              items={view.breadcrumb.map((c) => ({ name: c.name, to: c.unitId ? `/units/${c.unitId}/breakdowns?period=${period}&metric=${metric}` : undefined }))}
              current={view.unit.name}
            />
          ) : (
            <div className="breadcrumbs-placeholder" />
          )}
          <PageHeading>{view ? t('breakdowns.title', { unit: view.unit.name }) : t('common.loading')}</PageHeading>
        </div>
        <div className="filters">
          <MetricPicker value={metric} metrics={view?.metrics ?? []} onChange={setMetric} />
          <PeriodPicker value={period} latest={currentMonth()} onChange={setPeriod} />
          <label className="toggle">
            <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked ? 'previous' : null)} />
            {t('breakdowns.compare')}
          </label>
        </div>
      </div>
      {error ? (
        <ErrorState message={error.message} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !view || !info ? (
        <div className="breakdowns">
          {dimensions.map((d) => (
            <Skeleton key={d} label={t('common.loading')} rows={6} height={36} />
          ))}
        </div>
      ) : empty ? (
        <NoResponses period={period} />
      ) : (
        <div className="breakdowns">
          {dimensions.map((d) => {
            const dimension = t(`breakdowns.by.${d}`);
            const title = t('breakdowns.section', { dimension });
            const items = view.by[d];
            const caption = t('breakdowns.caption', { metric: metricName, dimension, period: formatPeriod(period, i18n.language) });
            return (
              <section key={d} className="panel" aria-labelledby={`by-${d}`} data-dimension={d}>
                <h2 id={`by-${d}`}>{title}</h2>
                {items.length === 0 ? (
                  <EmptyState>{t('common.noData')}</EmptyState>
                ) : (
                  <>
                    <BreakdownChart items={items} metric={info} compare={compare} label={caption} />
                    <BreakdownTable items={items} metric={info} compare={compare} caption={caption} />
                  </>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}

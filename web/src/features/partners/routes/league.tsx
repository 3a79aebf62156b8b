import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState } from '../../../components/error-state';
import { MetricPicker } from '../../../components/metric-picker';
import { PeriodPicker } from '../../../components/period-picker';
import { Skeleton } from '../../../components/skeleton';
import { formatPeriod } from '../../../lib/format';
import { useSearchParam } from '../../../lib/use-search-param';
import { currentMonth, usePeriodParam } from '../../../lib/use-period';
import { PartnerLeagueQuery } from '../api/get-partner-league';
import { toLeague, toMetrics } from '../api/partner-view';
import { LeagueTable } from '../components/league-table';
import '../components/partners.css';
import { PageHeading } from '../../../components/page-heading';
import { ToLatestPeriod } from '../../../components/to-latest-period';
import { NoResponses, noneCounted } from '../../../components/no-responses';

/** The partner league for any metric and period (?metric=nps&period=2026-10): one request. */
export function LeagueRoute() {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = usePeriodParam();
  const [metric, setMetric] = useSearchParam('metric', 'nps');
  const [{ data, error, fetching }, refetch] = useQuery({ query: PartnerLeagueQuery, variables: { metric, period: period ?? '' }, pause: !period });
  // Without a period, home picks the latest month with data and comes back here.
  if (!period) return <ToLatestPeriod />;

  const metrics = data ? toMetrics(data.metrics) : [];
  const info = metrics.find((m) => m.code === metric);
  const rows = data ? toLeague(data) : null;
  return (
    <div className="page page--wide" aria-busy={fetching}>
      <div className="page-head">
        <div>
          <PageHeading>{t('partners.leagueTitle')}</PageHeading>
          <p className="muted small">{t('partners.leagueIntro', { period: formatPeriod(period, i18n.language) })}</p>
        </div>
        <div className="filters">
          <MetricPicker value={metric} metrics={metrics} onChange={setMetric} />
          <PeriodPicker value={period} latest={currentMonth()} onChange={setPeriod} />
        </div>
      </div>
      {error ? (
        <ErrorState message={error.message} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !rows || !info ? (
        <Skeleton label={t('common.loading')} rows={8} />
      ) : rows.length === 0 ? (
        <EmptyState>{t('partners.none')}</EmptyState>
      ) : noneCounted(data?.partnerLeague.map((r) => r.value) ?? []) ? (
        <NoResponses period={period} />
      ) : (
        <LeagueTable rows={rows} metric={info} period={period} />
      )}
    </div>
  );
}

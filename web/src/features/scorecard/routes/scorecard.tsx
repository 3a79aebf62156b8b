import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { EmptyState, ErrorState } from '../../../components/error-state';
import { OutOfScope } from '../../../components/out-of-scope';
import { PeriodPicker } from '../../../components/period-picker';
import { Skeleton } from '../../../components/skeleton';
import { isNotFound } from '../../../lib/graphql-errors';
import { grainOf } from '../../../lib/period';
import { currentMonth, usePeriodParam } from '../../../lib/use-period';
import { ScorecardQuery } from '../api/get-scorecard';
import { toScorecardView } from '../api/scorecard-view';
import { ExportButton } from '../components/export-button';
import { KpiTable } from '../components/kpi-table';
import { ScoreSummary } from '../components/score-summary';
import '../components/scorecard.css';
import { PageHeading } from '../../../components/page-heading';
import { ToLatestPeriod } from '../../../components/to-latest-period';
import { NoResponses } from '../../../components/no-responses';

/** A unit's scorecard for a month, quarter or year: one GraphQL request for the whole screen. */
export function ScorecardRoute() {
  const { t } = useTranslation();
  const { unit = '' } = useParams();
  const [period, setPeriod] = usePeriodParam();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ScorecardQuery, variables: { unit, period: period ?? '', grain: seriesGrain(period) }, pause: !period });
  if (!period) return <ToLatestPeriod />;
  if (isNotFound(error)) return <OutOfScope unit={unit} />;

  const view = data ? toScorecardView(data) : null;
  const noResponses = view && view.rows.every((r) => r.n === 0);
  return (
    <div className="page page--wide" aria-busy={fetching}>
      <div className="page-head">
        <div>
          {view ? (
            <Breadcrumbs
              items={view.breadcrumb.map((c) => ({ name: c.name, to: c.unitId ? `/units/${c.unitId}/scorecard?period=${period}` : undefined }))}
              current={view.unit.name}
            />
          ) : (
            <div className="breadcrumbs-placeholder" />
          )}
          <PageHeading>{view ? t('scorecard.title', { unit: view.unit.name }) : t('common.loading')}</PageHeading>
          {view && <p className="muted small unit-code">{view.unit.code}</p>}
        </div>
        <div className="page-actions">
          {view && <ExportButton unit={view.unit.code} period={period} />}
          <PeriodPicker value={period} latest={currentMonth()} onChange={setPeriod} />
        </div>
      </div>
      {error ? (
        <ErrorState message={error.message} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !view ? (
        <div className="scorecard-layout">
          <Skeleton label={t('common.loading')} rows={3} height={96} />
          <Skeleton label={t('common.loading')} rows={10} height={44} />
        </div>
      ) : (
        <div className="scorecard-layout">
          <ScoreSummary view={view} />
          <div>
            {noResponses && <NoResponses period={period} />}
            {view.rows.length === 0 ? <EmptyState>{t('scorecard.noKpis')}</EmptyState> : <KpiTable rows={view.rows} />}
          </div>
        </div>
      )}
    </div>
  );
}

function seriesGrain(period: string | null) {
  const g = period ? grainOf(period) : null;
  return g === 'quarter' ? 'QUARTER' : g === 'year' ? 'YEAR' : 'MONTH';
}

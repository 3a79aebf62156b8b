import { useRef } from 'react';
import { useParams } from 'react-router';
import { useUrlParams } from '../../../lib/use-url-params';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { ErrorState } from '../../../components/error-state';
import { OutOfScope } from '../../../components/out-of-scope';
import { PeriodPicker } from '../../../components/period-picker';
import { Skeleton } from '../../../components/skeleton';
import { isNotFound } from '../../../lib/graphql-errors';
import { grainOf, lastMonthOf, periodContaining } from '../../../lib/period';
import { currentMonth, usePeriodParam } from '../../../lib/use-period';
import { DriversQuery } from '../api/get-drivers';
import { ProcessQuery } from '../api/get-process';
import { toDriversView, toProcessView } from '../api/process-view';
import { DriversPanel } from '../components/drivers-panel';
import { OutcomeProcessGrid } from '../components/outcome-process-grid';
import '../components/process.css';
import { PageHeading } from '../../../components/page-heading';
import { ToLatestPeriod } from '../../../components/to-latest-period';
import { NoResponses, noneCounted } from '../../../components/no-responses';

const tabs = ['trends', 'drivers'] as const;
type Tab = (typeof tabs)[number];

/** Outcomes beside their process metrics over 13 months, and the drivers panel; tab and outcome live in the URL. */
export function ProcessRoute() {
  const { t } = useTranslation();
  const { unit = '' } = useParams();
  const [period, setPeriod] = usePeriodParam();
  const [params, update] = useUrlParams();
  const tab: Tab = params.get('tab') === 'drivers' ? 'drivers' : 'trends';
  const outcome = params.get('outcome') === 'nps' ? 'nps' : 'csat';
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ trends: null, drivers: null });
  // One request per tab: the trends, or the driver analysis (which reads raw responses and takes longer).
  const [trends, refetchTrends] = useQuery({ query: ProcessQuery, variables: { unit, end: period ? lastMonthOf(period) : '' }, pause: !period || tab !== 'trends' });
  const [drivers, refetchDrivers] = useQuery({ query: DriversQuery, variables: { unit, period: period ?? '' }, pause: !period || tab !== 'drivers' });
  const { error } = tab === 'trends' ? trends : drivers;
  const refetch = tab === 'trends' ? refetchTrends : refetchDrivers;
  if (!period) return <ToLatestPeriod />;
  if (isNotFound(error)) return <OutOfScope unit={unit} />;

  const set = (key: string, value: string) => update({ [key]: value });
  const onTabKey = (e: React.KeyboardEvent) => {
    const i = tabs.indexOf(tab);
    const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : null;
    if (!next) return;
    e.preventDefault();
    set('tab', next);
    tabRefs.current[next]?.focus();
  };

  const empty = tab === 'trends' ? trendsEmpty(trends.data, period) : drivers.data?.unit ? noneCounted([drivers.data.unit.nps, drivers.data.unit.csat, drivers.data.unit.ces]) : null;
  const view = tab === 'trends' ? (trends.data ? toProcessView(trends.data) : null) : drivers.data ? toDriversView(drivers.data) : null;
  return (
    <div className="page page--wide">
      <div className="page-head">
        <div>
          {view ? (
            <Breadcrumbs
              items={view.breadcrumb.map((c) => ({ name: c.name, to: c.unitId ? `/units/${c.unitId}/process?period=${period}&tab=${tab}` : undefined }))}
              current={view.unit.name}
            />
          ) : (
            <div className="breadcrumbs-placeholder" />
          )}
          <PageHeading>{view ? t('process.title', { unit: view.unit.name }) : t('common.loading')}</PageHeading>
        </div>
        <PeriodPicker value={period} latest={currentMonth()} onChange={setPeriod} />
      </div>
      <div className="tabs" role="tablist" aria-label={t('process.tabs')} onKeyDown={onTabKey}>
        {tabs.map((k) => (
          <button
            key={k}
            ref={(el) => {
              tabRefs.current[k] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => set('tab', k)}
          >
            {t(`process.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {error ? (
          <ErrorState message={error.message} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : !view ? (
          <Skeleton label={t('common.loading')} rows={3} height={200} />
        ) : 'series' in view ? (
          <>
            {empty && <NoResponses period={period} />}
            {empty !== 'all' && <OutcomeProcessGrid view={view} />}
          </>
        ) : empty ? (
          <NoResponses period={period} />
        ) : (
          <DriversPanel drivers={view.drivers} linked={view.linkedResponses} outcome={outcome} onOutcome={(o) => set('outcome', o)} />
        )}
      </div>
    </div>
  );
}

type Point = { period: string; n: number };
type Trends = { unit?: Record<string, unknown> | null } | undefined;

/**
 * Whether the trends have responses in the period: 'all' when no month of the 13 has a count (nothing worth charting),
 * true when the period's months have no survey response (the charts still show the months before), else false.
 */
function trendsEmpty(data: Trends, period: string): 'all' | boolean | null {
  if (!data?.unit) return null;
  const grain = grainOf(period) ?? 'month';
  const series = (metric: string) => (data.unit?.[metric] as Point[] | null | undefined) ?? [];
  const all = Object.values(data.unit).filter(Array.isArray).flat() as Point[];
  if (noneCounted(all)) return 'all';
  const responses = ['nps', 'csat', 'ces'].flatMap(series);
  return noneCounted(responses.filter((p) => periodContaining(p.period, grain) === period));
}

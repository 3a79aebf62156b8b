import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { EmptyState, ErrorState } from '../../../components/error-state';
import { OutOfScope } from '../../../components/out-of-scope';
import { PeriodPicker } from '../../../components/period-picker';
import { Skeleton } from '../../../components/skeleton';
import { useEmbed } from '../../../lib/embed';
import { isNotFound } from '../../../lib/graphql-errors';
import { currentMonth, usePeriodParam } from '../../../lib/use-period';
import { PartnerQuery } from '../api/get-partner';
import { toMetrics, toPartnerView } from '../api/partner-view';
import { Engagements } from '../components/engagements';
import { PartnerFigures } from '../components/partner-figures';
import '../components/partners.css';
import { PageHeading } from '../../../components/page-heading';
import { ToLatestPeriod } from '../../../components/to-latest-period';
import { NoResponses, noneCounted } from '../../../components/no-responses';

/**
 * A partner's page: its outcomes beside their process metrics, and its engagements under each department with their
 * KPIs. A partner outside the caller's scope (a partner manager editing the URL) is "not in your scope", no data.
 * Embedded (the partner view, /embed/partners/:code): no league, engagements open only when the token may drill, and
 * a token locked to one slice shows the slice's figures without the engagements' KPI lines (they span every slice).
 */
export function PartnerRoute() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [period, setPeriod] = usePeriodParam();
  const embed = useEmbed();
  const sliced = Boolean(embed?.claims.lock_slice);
  const variables = { code, period: period ?? '', ...(sliced ? { kpis: false } : {}) };
  const [{ data, error, fetching }, refetch] = useQuery({ query: PartnerQuery, variables, pause: !period });
  if (!period) return <ToLatestPeriod />;
  if (isNotFound(error)) return <OutOfScope partner={code} />;

  const view = data ? toPartnerView(data) : null;
  const metrics = data ? toMetrics(data.metrics) : [];
  // No survey response in the period: said with the way to the latest month; with no interaction either, nothing else shows.
  const noResponses = view && noneCounted([view.figures.nps, view.figures.csat, view.figures.ces]);
  const nothing = view && noneCounted(Object.values(view.figures));
  return (
    <div className="page page--wide" aria-busy={fetching}>
      <div className="page-head">
        <div>
          <Breadcrumbs items={embed ? [] : [{ name: t('partners.leagueTitle'), to: `/partners?period=${period}` }]} current={view?.name ?? code} />
          <PageHeading>{view ? t('partners.title', { name: view.name }) : t('common.loading')}</PageHeading>
          <p className="muted small unit-code">{code}</p>
        </div>
        <PeriodPicker value={period} latest={currentMonth()} onChange={setPeriod} />
      </div>
      {error ? (
        <ErrorState message={error.message} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !view ? (
        <div className="partner-layout">
          <Skeleton label={t('common.loading')} rows={12} height={36} />
          <Skeleton label={t('common.loading')} rows={8} height={44} />
        </div>
      ) : nothing ? (
        <NoResponses period={period} />
      ) : (
        <div className="partner-layout">
          <section className="panel" aria-labelledby="partner-figures">
            <h2 id="partner-figures">{t('partners.figures')}</h2>
            {noResponses && <NoResponses period={period} />}
            <PartnerFigures figures={view.figures} metrics={metrics} />
          </section>
          <section className="panel" aria-labelledby="partner-engagements">
            <h2 id="partner-engagements">{t('partners.engagements')}</h2>
            {sliced && <p className="muted small">{t('embed.kpisNotInSlice')}</p>}
            {view.departments.length === 0 ? (
              <EmptyState>{t('partners.noEngagements')}</EmptyState>
            ) : (
              <Engagements departments={view.departments} period={period} canOpen={!embed || embed.canDrill} kpis={!sliced} />
            )}
            {!embed && (
              <p className="small">
                <Link to={`/partners?period=${period}`}>{t('partners.backToLeague')}</Link>
              </p>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

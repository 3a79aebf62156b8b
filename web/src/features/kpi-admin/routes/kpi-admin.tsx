import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { EmptyState, ErrorState } from '../../../components/error-state';
import { OutOfScope } from '../../../components/out-of-scope';
import { Skeleton } from '../../../components/skeleton';
import { graphQLErrorText } from '../../../lib/api-errors';
import { isNotFound } from '../../../lib/graphql-errors';
import { useSession } from '../../../lib/session';
import { KpiAdminQuery } from '../api/get-kpi-admin';
import { sliceLabel, type TargetGrainWord } from '../api/kpi-admin-view';
import { CheckinForm } from '../components/checkin-form';
import { KpiEditor } from '../components/kpi-editor';
import { KpiList } from '../components/kpi-list';
import { useUrlParams } from '../../../lib/use-url-params';
import '../../../components/filters.css';
import '../components/kpi-admin.css';
import { PageHeading } from '../../../components/page-heading';

const grains: TargetGrainWord[] = ['month', 'quarter', 'year'];

/**
 * KPI administration of a unit (/units/:unit/kpis?kpi=…&year=2026&grain=month): analysts create and edit a KPI with its
 * status rule and targets (one save, one call); department heads record check-ins. The API checks every change; the
 * screen only hides what a role may not do.
 */
export function KpiAdminRoute() {
  const { t, i18n } = useTranslation();
  const { unit = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const [params, update] = useUrlParams();
  const selected = params.get('kpi');
  const grain = grains.find((g) => g === params.get('grain')) ?? 'month';
  const thisYear = new Date().getUTCFullYear();
  const year = Number(params.get('year')) || thisYear;
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1];
  const [{ data, error, fetching }, refetch] = useQuery({ query: KpiAdminQuery, variables: { unit, targetGrain: grain.toUpperCase() as 'MONTH' | 'QUARTER' | 'YEAR' } });
  if (isNotFound(error)) return <OutOfScope unit={unit} />;

  const analyst = session?.role === 'analyst';
  const mayCheckIn = analyst || session?.role === 'department_head';
  const u = data?.unit;
  const set = (key: string, value: string | null) =>
    update({ [key]: value });
  const hrefOf = (kpi: string) => {
    const p = new URLSearchParams(params);
    p.set('kpi', kpi);
    return `/units/${unit}/kpis?${p}`;
  };
  const kpi = u?.kpis.find((k) => k.id === selected) ?? null;
  const parents = u
    ? [
        ...(u.parent?.kpis ?? []).map((k) => ({ id: k.id, label: `${u.parent!.name} · ${t(`metrics.${k.metric.code}`, { defaultValue: k.metric.name })}${sliceLabel(k) ? ` (${sliceLabel(k)})` : ''}` })),
        ...u.kpis.filter((k) => k.kind === 'OUTCOME' && k.id !== selected).map((k) => ({ id: k.id, label: `${u.name} · ${t(`metrics.${k.metric.code}`, { defaultValue: k.metric.name })}` })),
      ]
    : [];
  const lastMonth = `${thisYear}-${String(new Date().getUTCMonth() + 1).padStart(2, '0')}`;
  return (
    <div className="page page--wide" aria-busy={fetching}>
      <div className="page-head">
        <div>
          {u ? (
            <Breadcrumbs items={u.breadcrumb.map((c) => ({ name: c.name, to: c.unit ? `/units/${c.unit.id}/kpis` : undefined }))} current={u.name} />
          ) : (
            <div className="breadcrumbs-placeholder" />
          )}
          <PageHeading>{u ? t('kpiAdmin.title', { unit: u.name }) : t('common.loading')}</PageHeading>
        </div>
        {analyst && (
          <Link className="button" to={hrefOf('new')}>
            {t('kpiAdmin.new')}
          </Link>
        )}
      </div>
      {error ? (
        <ErrorState message={graphQLErrorText(t, i18n.language, error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !u || !data ? (
        <div className="kpi-admin">
          <Skeleton label={t('common.loading')} rows={8} height={36} />
          <Skeleton label={t('common.loading')} rows={4} height={60} />
        </div>
      ) : (
        <div className="kpi-admin">
          <section className="panel" aria-labelledby="kpi-list">
            <h2 id="kpi-list">{t('kpiAdmin.list')}</h2>
            {u.kpis.length === 0 ? <EmptyState>{t('scorecard.noKpis')}</EmptyState> : <KpiList kpis={u.kpis} selected={selected} hrefOf={hrefOf} />}
          </section>
          <div className="kpi-admin__detail">
            {selected === 'new' && analyst ? (
              <section className="panel" aria-labelledby="kpi-new">
                <h2 id="kpi-new">{t('kpiAdmin.newTitle')}</h2>
                <KpiEditor
                  unit={unit}
                  kpi={null}
                  metrics={data.metrics}
                  parents={parents}
                  grain={grain}
                  year={year}
                  years={years}
                  onView={set}
                  onSaved={(id) => navigate(hrefOf(id))}
                />
              </section>
            ) : kpi ? (
              <>
                {analyst && (
                  <section className="panel" aria-labelledby="kpi-edit">
                    <h2 id="kpi-edit">{t('kpiAdmin.editTitle')}</h2>
                    <KpiEditor
                      key={kpi.id}
                      unit={unit}
                      kpi={kpi}
                      metrics={data.metrics}
                      parents={parents}
                      grain={grain}
                      year={year}
                      years={years}
                      onView={set}
                      onSaved={() => undefined}
                    />
                  </section>
                )}
                {mayCheckIn && (
                  <section className="panel" aria-labelledby="kpi-checkins">
                    <h2 id="kpi-checkins">{t('kpiAdmin.checkins')}</h2>
                    <CheckinForm key={kpi.id} kpi={kpi} month={lastMonth} />
                  </section>
                )}
              </>
            ) : (
              <EmptyState>{analyst ? t('kpiAdmin.pick') : mayCheckIn ? t('kpiAdmin.pickCheckin') : t('kpiAdmin.readOnly')}</EmptyState>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

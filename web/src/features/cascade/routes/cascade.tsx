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
import { currentMonth, usePeriodParam } from '../../../lib/use-period';
import { CascadeLevelQuery } from '../api/get-cascade-level';
import { toCascadeLevel } from '../api/cascade-view';
import { CascadeTree } from '../components/cascade-tree';
import { PageHeading } from '../../../components/page-heading';
import { ToLatestPeriod } from '../../../components/to-latest-period';
import { NoResponses, noneCounted } from '../../../components/no-responses';

/** The cascade tree from a unit down; which rows are open is in the URL (?open=…), so a drilled view can be shared. */
export function CascadeRoute() {
  const { t } = useTranslation();
  const { unit = '' } = useParams();
  const [period, setPeriod] = usePeriodParam();
  const [params, update] = useUrlParams();
  const [{ data, error }, refetch] = useQuery({ query: CascadeLevelQuery, variables: { unit, period: period ?? '' }, pause: !period });
  if (!period) return <ToLatestPeriod />;
  if (isNotFound(error)) return <OutOfScope unit={unit} />;

  const raw = params.get('open');
  const open = new Set(raw == null ? [unit] : raw.split(',').filter(Boolean));
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    update({ open: [...next].join(',') }, { replace: true });
  };

  const level = data ? toCascadeLevel(data) : null;
  // The unit's own counts: none in the period means every row of the tree would be a dash.
  const empty = data?.unit && noneCounted([data.unit.nps, data.unit.csat, data.unit.ces]);
  return (
    <div className="page page--wide">
      <div className="page-head">
        <div>
          {level ? (
            <Breadcrumbs
              items={level.breadcrumb.map((c) => ({ name: c.name, to: c.unitId ? `/units/${c.unitId}/cascade?period=${period}` : undefined }))}
              current={level.self.name}
            />
          ) : (
            <div className="breadcrumbs-placeholder" />
          )}
          <PageHeading>{level ? t('cascade.title', { unit: level.self.name }) : t('common.loading')}</PageHeading>
        </div>
        <PeriodPicker value={period} latest={currentMonth()} onChange={setPeriod} />
      </div>
      {error ? (
        <ErrorState message={error.message} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !level ? (
        <Skeleton label={t('common.loading')} rows={8} height={40} />
      ) : empty ? (
        <NoResponses period={period} />
      ) : (
        <CascadeTree root={level.self} rootChildren={level.children} period={period} open={open} onToggle={toggle} />
      )}
    </div>
  );
}

import { Navigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/error-state';
import { Skeleton } from '../../components/skeleton';
import { monthOf } from '../../lib/period';
import { HomeQuery } from '../api/get-home';

/** Home after sign-in: the scorecard of the caller's top unit for the latest month with responses (data ends before today). */
export function HomeRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [{ data, error, fetching }, refetch] = useQuery({ query: HomeQuery, variables: { end: monthOf(new Date()) } });
  if (error) return <div className="page"><ErrorState message={error.message} onRetry={() => refetch({ requestPolicy: 'network-only' })} /></div>;
  if (fetching || !data) return <div className="page"><Skeleton label={t('common.loading')} rows={8} /></div>;
  const root = data.me.roots[0];
  if (!root) return <div className="page"><ErrorState message={t('common.noData')} /></div>;
  const latest = [...root.months].reverse().find((m) => m.n > 0)?.period ?? monthOf(new Date());
  // A link without a period (?unit=…) lands on that unit's latest month.
  const unit = params.get('unit') ?? root.id;
  return <Navigate to={`/units/${encodeURIComponent(unit)}/scorecard?period=${latest}`} replace />;
}

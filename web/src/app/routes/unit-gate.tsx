import { Navigate, Outlet, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/error-state';
import { OutOfScope } from '../../components/out-of-scope';
import { Skeleton } from '../../components/skeleton';
import { isNotFound } from '../../lib/graphql-errors';
import { UnitByCodeQuery } from '../api/get-unit-by-code';

/**
 * The unit's screens address it by id, which differs between installs; a link or a typed address may name it by code
 * (`/units/CO/scorecard`). Such a path is swapped for the id's, keeping the screen and its query string.
 */
export function UnitGate() {
  const { t } = useTranslation();
  const { unit = '' } = useParams();
  const location = useLocation();
  const byCode = !/^\d+$/.test(unit);
  const [{ data, error, fetching }, refetch] = useQuery({ query: UnitByCodeQuery, variables: { code: unit }, pause: !byCode });
  if (!byCode) return <Outlet />;
  const id = data?.unit?.id;
  if (id) {
    const segment = `/units/${encodeURIComponent(unit)}`;
    const rest = location.pathname.slice(location.pathname.indexOf(segment) + segment.length);
    return <Navigate to={`/units/${id}${rest}${location.search}`} replace />;
  }
  if (isNotFound(error) || (data && !data.unit)) return <OutOfScope unit={unit} />;
  if (error) return <div className="page"><ErrorState message={error.message} onRetry={() => refetch({ requestPolicy: 'network-only' })} /></div>;
  return <div className="page" aria-busy={fetching}><Skeleton label={t('common.loading')} rows={8} /></div>;
}

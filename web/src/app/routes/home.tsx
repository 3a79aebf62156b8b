import { Navigate, useNavigation, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/error-state';
import { Skeleton } from '../../components/skeleton';
import { monthOf } from '../../lib/period';
import { HomeQuery } from '../api/get-home';

/**
 * Home after sign-in: the scorecard of the caller's top unit (a partner manager: their partner's page) for the latest month
 * with responses (data ends before today).
 */
export function HomeRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [{ data, error, fetching }, refetch] = useQuery({ query: HomeQuery, variables: { end: monthOf(new Date()) } });
  // The reader clicked a link while this page waited (its screen's code still loading): go there, not to the landing screen.
  const leaving = useNavigation().state !== 'idle';
  if (leaving) return <div className="page"><Skeleton label={t('common.loading')} rows={8} /></div>;
  if (error) return <div className="page"><ErrorState message={error.message} onRetry={() => refetch({ requestPolicy: 'network-only' })} /></div>;
  if (fetching || !data) return <div className="page"><Skeleton label={t('common.loading')} rows={8} /></div>;
  const root = data.me.roots[0];
  if (!root) return <div className="page"><ErrorState message={t('common.noData')} /></div>;
  const latest = [...root.months].reverse().find((m) => m.n > 0)?.period ?? monthOf(new Date());
  // A screen opened without a period (?next=/partners?metric=csat) comes back with the latest month; only paths of
  // this app are followed.
  const next = params.get('next');
  if (next && next.startsWith('/') && !next.startsWith('//')) return <Navigate to={`${next}${next.includes('?') ? '&' : '?'}period=${latest}`} replace />;
  // A partner manager sees one partner: its page is their home.
  if (data.me.role === 'partner_manager' && data.partners.length === 1 && !params.get('unit'))
    return <Navigate to={`/partners/${encodeURIComponent(data.partners[0].code)}?period=${latest}`} replace />;
  // A link without a period (?unit=…) lands on that unit's latest month.
  const unit = params.get('unit') ?? root.id;
  return <Navigate to={`/units/${encodeURIComponent(unit)}/scorecard?period=${latest}`} replace />;
}

import { Navigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import { useEmbed } from '../../../lib/embed';
import { currentMonth } from '../../../lib/use-period';

const EmbedRootQuery = graphql(`
  query EmbedRoot {
    units {
      id
      code
    }
  }
`);

/**
 * `/embed/{view}`: opens the view on the token's locked unit (else the top of its scope), in the locked period. The
 * partner view opens on the token's partner, or on `?partner=` (a partner outside the token's scope then reads as not
 * in scope: the server decides, this only picks the page).
 */
export function EmbedStartRoute() {
  const { t } = useTranslation();
  const { view = 'scorecard' } = useParams();
  const [params] = useSearchParams();
  const embed = useEmbed();
  const period = embed?.lockedPeriod ?? currentMonth();
  const isUnitView = ['scorecard', 'cascade', 'process'].includes(view);
  const [{ data, error }] = useQuery({ query: EmbedRootQuery, pause: !isUnitView });
  if (view === 'partner') {
    // Not before the layout has taken the token out of the URL (its replace would undo this navigation).
    if (params.has('token')) return <div className="embed__message" aria-busy="true">{t('common.loading')}</div>;
    const partner = params.get('partner') ?? embed?.partner;
    if (!partner) return <p className="embed__message">{t('embed.notAvailable')}</p>;
    return <Navigate to={`/embed/partners/${encodeURIComponent(partner)}?period=${encodeURIComponent(period)}`} replace />;
  }
  if (!isUnitView) return <p className="embed__message">{t('embed.notAvailable')}</p>;
  if (error) return <p className="embed__message" role="alert">{error.message}</p>;
  if (!data) return <div className="embed__message" aria-busy="true">{t('common.loading')}</div>;
  const root = data.units.find((u) => u.code === embed?.claims.lock_unit) ?? data.units[0];
  if (!root) return <p className="embed__message">{t('embed.notAvailable')}</p>;
  return <Navigate to={`/embed/units/${root.id}/${view}?period=${encodeURIComponent(period)}`} replace />;
}

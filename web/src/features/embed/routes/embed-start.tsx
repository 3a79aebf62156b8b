import { Navigate, useParams } from 'react-router';
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

/** `/embed/{view}`: opens the view on the token's locked unit (else the top of its scope), in the locked period. */
export function EmbedStartRoute() {
  const { t } = useTranslation();
  const { view = 'scorecard' } = useParams();
  const embed = useEmbed();
  const [{ data, error }] = useQuery({ query: EmbedRootQuery });
  if (!['scorecard', 'cascade', 'process'].includes(view)) return <p className="embed__message">{t('embed.notAvailable')}</p>;
  if (error) return <p className="embed__message" role="alert">{error.message}</p>;
  if (!data) return <div className="embed__message" aria-busy="true">{t('common.loading')}</div>;
  const root = data.units.find((u) => u.code === embed?.claims.lock_unit) ?? data.units[0];
  if (!root) return <p className="embed__message">{t('embed.notAvailable')}</p>;
  const period = embed?.lockedPeriod ?? currentMonth();
  return <Navigate to={`/embed/units/${root.id}/${view}?period=${encodeURIComponent(period)}`} replace />;
}

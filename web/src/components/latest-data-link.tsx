import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEmbed } from '../lib/embed';

/**
 * Where a period has no responses (a month after the data ends, say), a way to the latest month that has some: home
 * picks it and comes back to this screen and query, without this period. Embedded views keep their period.
 */
export function LatestDataLink() {
  const { t } = useTranslation();
  const location = useLocation();
  if (useEmbed()) return null;
  const search = new URLSearchParams(location.search);
  search.delete('period');
  const rest = search.toString();
  const back = location.pathname + (rest ? `?${rest}` : '');
  return <Link to={`/?next=${encodeURIComponent(back)}`}>{t('common.toLatestData')}</Link>;
}

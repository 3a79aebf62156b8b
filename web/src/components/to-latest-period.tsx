import { Navigate, useLocation } from 'react-router';
import { useEmbed } from '../lib/embed';
import { currentMonth } from '../lib/use-period';

/**
 * A screen opened without a period (a shared or typed link) goes home, which picks the latest month with responses
 * and comes back to this same screen and query string with it. Embedded, there is no home: the frame stays on its
 * view, in the token's locked period or this month (as the embed start page does).
 */
export function ToLatestPeriod() {
  const location = useLocation();
  const embed = useEmbed();
  const back = location.pathname + location.search;
  if (embed) {
    const period = embed.lockedPeriod ?? currentMonth();
    return <Navigate to={`${back}${location.search ? '&' : '?'}period=${encodeURIComponent(period)}`} replace />;
  }
  return <Navigate to={`/?next=${encodeURIComponent(back)}`} replace />;
}

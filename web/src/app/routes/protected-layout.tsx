import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../../lib/session';

/** Screens behind sign-in: without a session, go to sign-in and come back here afterwards. */
export function ProtectedLayout() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

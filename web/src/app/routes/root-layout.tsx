import { useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { locales, rememberLocale, type Locale } from '../../lib/i18n';
import { clearSession, lastUnit, rememberUnit, useSession } from '../../lib/session';
import { TopBarQuery } from '../api/get-top-bar';

/** The shell: brand, the screens of the current unit, language switch, who is signed in. */
export function RootLayout() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const { unit: routeUnit } = useParams();
  const location = useLocation();
  useEffect(() => {
    if (routeUnit) rememberUnit(routeUnit);
  }, [routeUnit]);
  // Off a unit's pages the top bar still offers the screens of the unit last opened; before any was opened in this tab,
  // those of the caller's top unit (a partner manager's screens are their partner's: no unit screens for them).
  const remembered = routeUnit ?? (session ? lastUnit() : null);
  // One small read per session (urql keeps it); not on the way in (sign-in and home send the caller on at once).
  const [top] = useQuery({ query: TopBarQuery, pause: !session || location.pathname === '/' || location.pathname === '/sign-in' });
  const unit = remembered ?? (session && session.role !== 'partner_manager' ? (top.data?.me.roots[0]?.id ?? null) : null);
  // The partner league only when a partner is in scope (a department head's has none); shown until known otherwise.
  const partnersInScope = top.data ? top.data.partners.length > 0 : true;
  const [params] = useSearchParams();
  const period = params.get('period');
  const carry = period ? `?period=${encodeURIComponent(period)}` : '';

  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav className="topbar__nav" aria-label={t('app.mainNav')}>
          {session && unit && (
            <>
              <NavLink to={`/units/${unit}/scorecard${carry}`}>{t('nav.scorecard')}</NavLink>
              <NavLink to={`/units/${unit}/cascade${carry}`}>{t('nav.cascade')}</NavLink>
              <NavLink to={`/units/${unit}/process${carry}`}>{t('nav.process')}</NavLink>
              <NavLink to={`/units/${unit}/breakdowns${carry}`}>{t('breakdowns.nav')}</NavLink>
              <NavLink to={`/units/${unit}/verbatims${carry}`}>{t('verbatims.nav')}</NavLink>
              <NavLink to={`/units/${unit}/movers${carry}`}>{t('movers.nav')}</NavLink>
              {(session.role === 'analyst' || session.role === 'department_head') && <NavLink to={`/units/${unit}/kpis`}>{t('kpiAdmin.nav')}</NavLink>}
            </>
          )}
          {session && partnersInScope && <NavLink to={`/partners${carry}`}>{t('partners.nav')}</NavLink>}
          {session?.role === 'analyst' && <NavLink to="/data">{t('data.nav')}</NavLink>}
          {session?.role === 'analyst' && <NavLink to="/admin/embedding">{t('embedAdmin.nav')}</NavLink>}
        </nav>
        <label className="topbar__locale">
          <span className="visually-hidden">{t('nav.language')}</span>
          <select value={i18n.language} onChange={(e) => rememberLocale(e.target.value as Locale)} aria-label={t('nav.language')}>
            {locales.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        <div className="topbar__user">
          {session ? (
            <>
              <span data-testid="signed-in-as">
                {t('session.signedInAs', { name: session.name, role: t(`session.roles.${session.persona}`, { defaultValue: session.role }) })}
              </span>
              <button
                type="button"
                className="button--quiet"
                onClick={() => {
                  clearSession();
                  navigate('/sign-in');
                }}
              >
                {t('session.signOut')}
              </button>
            </>
          ) : (
            location.pathname !== '/sign-in' && <Link to="/sign-in">{t('session.signIn')}</Link>
          )}
        </div>
      </header>
      <main id="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

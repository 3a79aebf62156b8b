import { useState } from 'react';
import { HealthPanel } from '../features/health/components/health-panel';
import { SignInPage } from '../features/session/components/sign-in-page';
import { clearSession, loadSession, type Session } from '../lib/session';
import { Link, navigate, usePath } from './router';

export function App() {
  const path = usePath();
  const [session, setSession] = useState<Session | null>(loadSession);

  return (
    <div className="shell">
      <header className="topbar">
        <Link to="/" className="brand">
          CxDashboard
        </Link>
        <nav className="topbar__nav" aria-label="Main">
          <Link to="/">Overview</Link>
        </nav>
        <div className="topbar__user">
          {session ? (
            <>
              <span data-testid="signed-in-as">
                {session.name} <span className="muted">({session.persona.replace('_', ' ')})</span>
              </span>
              <button
                type="button"
                className="button--quiet"
                onClick={() => {
                  clearSession();
                  setSession(null);
                  navigate('/sign-in');
                }}
              >
                Sign out
              </button>
            </>
          ) : (
            <Link to="/sign-in">Sign in</Link>
          )}
        </div>
      </header>
      <main>{route(path, session, () => setSession(loadSession()))}</main>
    </div>
  );
}

function route(path: string, session: Session | null, onSignedIn: () => void) {
  switch (path) {
    case '/':
      return <HomePage session={session} />;
    case '/sign-in':
      return <SignInPage onSignedIn={onSignedIn} />;
    default:
      return <NotFound path={path} />;
  }
}

function HomePage({ session }: { session: Session | null }) {
  return (
    <div className="page">
      <h1>Customer experience, from the top KPI to the team that moves it</h1>
      <p className="lead">
        NPS and CSAT cascade from the company to divisions, departments, teams and partners, next to the process metrics
        that drive them: first-contact resolution, response time, effort, repeat contacts, channel switching and
        self-service containment.
      </p>
      {!session && (
        <p>
          <Link to="/sign-in" className="button">
            Sign in to see your scorecards
          </Link>
        </p>
      )}
      <div className="grid">
        <HealthPanel />
      </div>
    </div>
  );
}

function NotFound({ path }: { path: string }) {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p className="muted">
        Nothing lives at <code>{path}</code>. <Link to="/">Back to the overview</Link>
      </p>
    </div>
  );
}

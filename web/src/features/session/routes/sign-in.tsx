import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/card';
import { saveSession } from '../../../lib/session';
import { listPersonas, type Persona } from '../api/list-personas';
import { requestToken } from '../api/request-token';
import { PageHeading } from '../../../components/page-heading';

/** Demo sign-in: pick a persona; the token is kept for this browser tab. Then back to where the caller was going. */
export function SignInRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [personas, setPersonas] = useState<Persona[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    listPersonas().then(setPersonas, (e: Error) => setError(e.message));
  }, []);

  async function signIn(persona: string) {
    setBusy(persona);
    setError(null);
    try {
      const token = await requestToken(persona);
      saveSession({ token: token.access_token, persona: token.persona, name: token.name, role: token.role });
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (e) {
      setError((e as Error).message);
      setBusy(null);
    }
  }

  return (
    <div className="page page--narrow">
      <PageHeading>{t('session.signIn')}</PageHeading>
      <p className="muted">
        {t('session.intro')} <Link to="/status">{t('health.link')}</Link>
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="persona-grid">
        {(personas ?? []).map((p) => (
          <Card key={p.persona} title={p.name}>
            <p className="muted">{t(`session.personas.${p.persona}`, { defaultValue: p.role })}</p>
            <button type="button" disabled={busy !== null} onClick={() => signIn(p.persona)}>
              {busy === p.persona
                ? t('session.signingIn')
                : t('session.continueAs', { persona: t(`session.roles.${p.persona}`, { defaultValue: p.persona.replace('_', ' ') }) })}
            </button>
          </Card>
        ))}
      </div>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { Card } from '../../../components/card';
import { navigate } from '../../../app/router';
import { saveSession } from '../../../lib/session';
import { listPersonas, type Persona } from '../api/list-personas';
import { requestToken } from '../api/request-token';

const descriptions: Record<string, string> = {
  executive: 'The whole company: scorecards, cascade and top movers.',
  department_head: 'One department and everything under it.',
  partner_manager: 'One partner’s engagements only; small counts suppressed.',
  analyst: 'Everything, plus imports, KPI administration and rollups.',
};

/** Demo sign-in: pick a persona; the token is kept for this browser tab. */
export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const [personas, setPersonas] = useState<Persona[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    listPersonas().then(setPersonas, (e: Error) => setError(e.message));
  }, []);

  async function signIn(persona: string) {
    setBusy(persona);
    setError(null);
    try {
      const t = await requestToken(persona);
      saveSession({ token: t.access_token, persona: t.persona, name: t.name, role: t.role });
      onSignedIn();
      navigate('/');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="page page--narrow">
      <h1>Sign in</h1>
      <p className="muted">Local runs use demo personas. In production you sign in with your company account.</p>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="persona-grid">
        {personas.map((p) => (
          <Card key={p.persona} title={p.name}>
            <p className="muted">{descriptions[p.persona] ?? p.role}</p>
            <button type="button" disabled={busy !== null} onClick={() => signIn(p.persona)}>
              {busy === p.persona ? 'Signing in…' : `Continue as ${p.persona.replace('_', ' ')}`}
            </button>
          </Card>
        ))}
      </div>
    </div>
  );
}

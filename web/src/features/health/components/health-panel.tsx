import { useEffect, useState } from 'react';
import { Card } from '../../../components/card';
import { StatusPill } from '../../../components/status-pill';
import { getHealth, type Health } from '../api/get-health';

/** Live service status: each component (database, scheduler, …) with its state and description. */
export function HealthPanel() {
  const [health, setHealth] = useState<Health | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    getHealth().then(setHealth, (e: Error) => setError(e.message));
  }, []);

  return (
    <Card title="Service status" aside={<StatusPill status={health?.status ?? 'unknown'} />}>
      {error && <p role="alert">Could not reach the API: {error}</p>}
      {!health && !error && <p>Checking…</p>}
      {health && (
        <dl className="health-list">
          {Object.entries(health.components).map(([name, c]) => (
            <div key={name} className="health-list__row">
              <dt>{name}</dt>
              <dd>
                <StatusPill status={c.status} /> <span className="muted">{c.description}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}

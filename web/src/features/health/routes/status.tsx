import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/card';
import { StatusPill } from '../../../components/status-pill';
import { getHealth, type Health } from '../api/get-health';
import { PageHeading } from '../../../components/page-heading';

/** Live service status (public): each component (database, scheduler, …) with its state and description. */
export function StatusRoute() {
  const { t } = useTranslation();
  const [health, setHealth] = useState<Health | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    getHealth().then(setHealth, (e: Error) => setError(e.message));
  }, []);

  return (
    <div className="page page--narrow">
      <PageHeading>{t('health.title')}</PageHeading>
      <Card title={t('health.title')} aside={<StatusPill status={health?.status ?? 'unknown'} />}>
        {error && <p role="alert">{t('health.unreachable', { error })}</p>}
        {!health && !error && <p>{t('health.checking')}</p>}
        {health && !health.components && <p className="muted">{t('health.signInForDetails')}</p>}
        {health?.components && (
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
    </div>
  );
}

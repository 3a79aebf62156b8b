import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A key's secret, shown the one time the API returns it: copied or written down now, then dismissed. It lives in this
 * component's props only (no cache, no storage), so it is gone once dismissed.
 */
export function NewKey({ keyId, secret, hostName, onDismiss }: { keyId: string; secret: string; hostName: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <section className="new-key" role="region" aria-label={t('embedAdmin.newKeyTitle', { host: hostName })} data-testid="new-key">
      <h3>{t('embedAdmin.newKeyTitle', { host: hostName })}</h3>
      <p>{t('embedAdmin.newKeyOnce')}</p>
      <p>
        <code data-testid="new-key-secret">{secret}</code>
      </p>
      <p className="muted small">{t('embedAdmin.newKeyUse', { keyId })}</p>
      <div className="new-key__actions">
        <button
          type="button"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? t('embedAdmin.copied') : t('embedAdmin.copy')}
        </button>
        <button type="button" className="button--outline" onClick={onDismiss}>
          {t('embedAdmin.stored')}
        </button>
      </div>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import './feedback.css';

/** A failed load: what went wrong and a retry button. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="feedback feedback--error" role="alert">
      <strong>{t('common.errorTitle')}</strong>
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ children }: { children: React.ReactNode }) {
  return <div className="feedback feedback--empty">{children}</div>;
}

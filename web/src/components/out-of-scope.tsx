import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** A unit the caller may not see (or that does not exist: the API does not tell them apart). No data, no names. */
export function OutOfScope({ unit }: { unit: string }) {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="out-of-scope">
      <h1>{t('common.outOfScopeTitle')}</h1>
      <p>{t('common.outOfScopeText', { unit })}</p>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </div>
  );
}

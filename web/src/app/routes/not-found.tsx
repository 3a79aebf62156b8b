import { Link, useLocation } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';

export function NotFoundRoute() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <div className="page">
      <h1>{t('common.notFoundTitle')}</h1>
      <p className="muted">
        <Trans i18nKey="common.notFoundText" values={{ path: pathname }} components={{ code: <code /> }} />{' '}
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </div>
  );
}

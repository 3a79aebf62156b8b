import { Link, useLocation } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading';

export function NotFoundRoute() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <div className="page">
      <PageHeading>{t('common.notFoundTitle')}</PageHeading>
      <p className="muted">
        <Trans i18nKey="common.notFoundText" values={{ path: pathname }} components={{ code: <code /> }} />{' '}
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </div>
  );
}

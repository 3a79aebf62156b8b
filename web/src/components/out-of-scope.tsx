import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEmbed } from '../lib/embed';
import { PageHeading } from './page-heading';

/**
 * A unit (or partner) the caller may not see, or that does not exist: the API does not tell them apart. No data, no
 * names. Embedded, there is no home to go back to: the frame stays on its view.
 */
export function OutOfScope({ unit, partner }: { unit?: string; partner?: string }) {
  const { t } = useTranslation();
  const embed = useEmbed();
  return (
    <div className="page" data-testid="out-of-scope">
      <PageHeading>{t('common.outOfScopeTitle')}</PageHeading>
      <p>{partner !== undefined ? t('common.outOfScopePartnerText', { partner }) : t('common.outOfScopeText', { unit })}</p>
      {!embed && (
        <p>
          <Link to="/">{t('common.backHome')}</Link>
        </p>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../lib/format';
import { EmptyState } from './error-state';
import { LatestDataLink } from './latest-data-link';

/**
 * A period with no responses (a month after the data ends, say): said in words, with the way to the latest month that
 * has some, in place of a screen of dashes and zeros that would read like values.
 */
export function NoResponses({ period }: { period: string }) {
  const { t, i18n } = useTranslation();
  return (
    <EmptyState>
      <span role="status">{t('common.noResponsesIn', { period: formatPeriod(period, i18n.language) })}</span> <LatestDataLink />
    </EmptyState>
  );
}

/** True when every count is zero (a missing figure counts none): the period has nothing to show. */
export function noneCounted(figures: ReadonlyArray<{ n: number } | null | undefined>): boolean {
  return figures.every((f) => (f?.n ?? 0) === 0);
}

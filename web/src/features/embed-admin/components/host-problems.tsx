import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { codedGraphQLError, translateApiError } from '../../../lib/api-errors';

/** The input fields the API names in extensions.field, by the label the form and the list show for them. */
const fieldLabels: Record<string, string> = {
  name: 'embedAdmin.nameList',
  origins: 'embedAdmin.originsList',
  grant: 'embedAdmin.grant',
  grantUnits: 'embedAdmin.grantUnitsList',
  grantPartners: 'embedAdmin.grantPartnersList',
  views: 'embedAdmin.views',
  permissions: 'embedAdmin.permissions',
  overlap: 'embedAdmin.overlapHours',
  overlapHours: 'embedAdmin.overlapHours',
};

/**
 * A refused host-application call: each problem on its own line, led by the field it concerns, in the reader's
 * language (rendered, so a language switch re-says it). A network failure is its one line.
 */
export function HostProblems({ error }: { error: CombinedError }) {
  const { t, i18n } = useTranslation();
  if (error.networkError) return <div className="feedback feedback--error" role="alert">{error.networkError.message}</div>;
  return (
    <div className="feedback feedback--error" role="alert">
      <ul className="host-problems">
        {error.graphQLErrors.map((e, i) => {
          const field = typeof e.extensions?.field === 'string' ? e.extensions.field : null;
          const label = field && fieldLabels[field] ? t(fieldLabels[field]) : null;
          // The English message leads with "input.field:", which the label replaces.
          const english = label ? e.message.replace(/^input\.[A-Za-z]+: /, '') : e.message;
          const text = translateApiError(t, i18n.language, codedGraphQLError(e, english), 'graphql');
          return <li key={i}>{label ? t('embedAdmin.fieldProblem', { label, text }) : text}</li>;
        })}
      </ul>
    </div>
  );
}

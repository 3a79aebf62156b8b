import { graphql } from '../../gql';

/**
 * What the top bar offers: the caller's top unit (its screens, before any unit was opened in this tab: a sign-in that
 * went straight to data and jobs, say) and whether any partner is in scope (no partner link to an always-empty
 * league). Ids and codes only: no figure.
 */
export const TopBarQuery = graphql(`
  query TopBar {
    me {
      roots {
        id
      }
    }
    partners {
      code
    }
  }
`);

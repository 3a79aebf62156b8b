import { graphql } from '../../gql';

/**
 * The caller's top unit, for the top bar's unit screens before any unit was opened in this tab (a sign-in that went
 * straight to data and jobs or the partners, say). Ids only: no figure.
 */
export const TopUnitQuery = graphql(`
  query TopUnit {
    me {
      roots {
        id
      }
    }
  }
`);

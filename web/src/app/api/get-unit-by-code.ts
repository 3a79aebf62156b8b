import { graphql } from '../../gql';

/** A unit's id from its code (CO, DEP-RETAIL-STORES): links that name a unit by code work on every install. */
export const UnitByCodeQuery = graphql(`
  query UnitByCode($code: String!) {
    unit(code: $code) {
      id
    }
  }
`);

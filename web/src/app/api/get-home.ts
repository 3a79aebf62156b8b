import { graphql } from '../../gql';

/**
 * Where a signed-in caller lands: their top unit, and which of the last 13 months have responses there; a partner
 * manager lands on their partner's page instead.
 */
export const HomeQuery = graphql(`
  query Home($end: String!) {
    me {
      role
      roots {
        id
        code
        months: series(metric: "nps", end: $end, periods: 13) {
          period
          n
        }
      }
    }
    partners {
      code
    }
  }
`);

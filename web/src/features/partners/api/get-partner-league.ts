import { graphql } from '../../../gql';

/** The league table: partners in scope ranked on one metric and period, with n, interval and change; and the catalogue. */
export const PartnerLeagueQuery = graphql(`
  query PartnerLeague($metric: String!, $period: String!) {
    partnerLeague(metric: $metric, period: $period) {
      rank
      partner {
        id
        code
        name
      }
      value {
        ...PartnerFigure
      }
    }
    metrics {
      code
      name
      kind
      unit
      direction
    }
  }

  fragment PartnerFigure on MetricValue {
    value
    n
    low
    high
    lowConfidence
    suppressed
    change {
      difference
      z
      significant
    }
  }
`);

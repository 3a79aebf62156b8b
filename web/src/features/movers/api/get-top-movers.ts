import { graphql } from '../../../gql';

/** The units under a unit whose value on a metric changed most against the previous period (up to 20), in one request. */
export const TopMoversQuery = graphql(`
  query TopMovers($unit: ID!, $period: String!, $metric: String!, $significantOnly: Boolean! = false) {
    unit(id: $unit) {
      id
      code
      name
      breadcrumb {
        name
        unit {
          id
        }
      }
      # the unit's own count: none means the period has nothing to compare, not that nothing moved
      self: value(metric: $metric, period: $period) { n }
      topMovers(metric: $metric, period: $period, first: 20, significantOnly: $significantOnly) {
        unit {
          id
          code
          name
          kind
        }
        value {
          value
          n
          lowConfidence
          suppressed
          previous {
            value
            n
          }
        }
        change {
          difference
          z
          significant
        }
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
`);

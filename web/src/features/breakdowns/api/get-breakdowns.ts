import { graphql } from '../../../gql';

/**
 * A metric of a unit broken down by channel, journey stage and segment at once (one request): each key's value with
 * n, 95% interval and confidence flags, its previous period and the change with its test.
 */
export const BreakdownsQuery = graphql(`
  query Breakdowns($unit: ID!, $period: String!, $metric: String!) {
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
      channel: breakdown(metric: $metric, period: $period, by: CHANNEL) { ...BreakdownBar }
      journey_stage: breakdown(metric: $metric, period: $period, by: JOURNEY_STAGE) { ...BreakdownBar }
      segment: breakdown(metric: $metric, period: $period, by: SEGMENT) { ...BreakdownBar }
    }
    metrics {
      code
      name
      kind
      unit
      direction
    }
  }

  fragment BreakdownBar on BreakdownRow {
    key
    value {
      value
      n
      low
      high
      lowConfidence
      suppressed
      previous {
        period
        value
        n
        low
        high
        lowConfidence
        suppressed
      }
      change {
        difference
        z
        significant
      }
    }
  }
`);

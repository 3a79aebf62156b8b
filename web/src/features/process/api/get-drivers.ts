import { graphql } from '../../../gql';

/**
 * The drivers tab in one request: for each process condition, CSAT and NPS with and without it over the unit's
 * responses linked to a contact in the period (a separate query: the analysis reads raw responses, so the trends tab
 * does not wait for it).
 */
export const DriversQuery = graphql(`
  query Drivers($unit: ID!, $period: String!) {
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
      # the period's counts: none means "no responses in the period", not "too few linked"
      nps: value(metric: "nps", period: $period) { n }
      csat: value(metric: "csat", period: $period) { n }
      ces: value(metric: "ces", period: $period) { n }
      drivers(period: $period) {
        linkedResponses
        drivers {
          condition
          processMetric {
            code
          }
          processTarget
          csat { ...Split }
          nps { ...Split }
        }
      }
    }
  }

  fragment Split on OutcomeSplit {
    nWith
    valueWith
    nWithout
    valueWithout
    gap
    gapLow
    gapHigh
    significant
    shareWith
    targetShare
    estimatedChange
    estimatedChangeLow
    estimatedChangeHigh
  }
`);

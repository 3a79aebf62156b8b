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
    }
    drivers(unit: $unit, period: $period) {
      linkedResponses
      drivers {
        condition
        processMetric
        processTarget
        csat { ...Split }
        nps { ...Split }
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

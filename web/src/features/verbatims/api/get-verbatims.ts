import { graphql } from '../../../gql';

/**
 * One keyset page of a unit's comments for a period (newest first), optionally one band and up to one value each of
 * channel, journey stage and segment (the API ANDs them; under the privacy floor it counts the combination); the scores
 * come as bands (a caller under the privacy floor gets bands only, the numbers are null).
 */
export const VerbatimsQuery = graphql(`
  query Verbatims($unit: ID!, $period: String!, $band: VerbatimBand! = ALL, $slices: [SliceInput!], $after: String) {
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
      # the period's counts: no comment and no response means "no responses in the period", not "no comment matches"
      nps: value(metric: "nps", period: $period) { n }
      csat: value(metric: "csat", period: $period) { n }
      ces: value(metric: "ces", period: $period) { n }
      verbatims(period: $period, band: $band, slices: $slices, first: 20, after: $after) {
        items {
          id
          respondedAt
          unit {
            code
            name
          }
          channel
          journeyStage
          segment
          nps
          csat
          ces
          npsBand
          csatBand
          cesBand
          comment
          cursor
        }
        hasNextPage
        endCursor
      }
    }
  }
`);

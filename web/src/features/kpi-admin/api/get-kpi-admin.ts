import { graphql } from '../../../gql';

/**
 * A unit's KPIs as the admin screen edits them: definition, parent, status rule, targets of one grain and the latest
 * check-ins; the parent unit's KPIs (the choices of a cascade parent) and the metric catalogue. One request.
 */
export const KpiAdminQuery = graphql(`
  query KpiAdmin($unit: ID!, $targetGrain: TargetGrain! = MONTH) {
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
      parent {
        id
        name
        kpis {
          id
          metric {
            code
            name
          }
          sliceDimension
          sliceValue
        }
      }
      kpis {
        id
        metric {
          code
          name
        }
        kind
        valueUnit
        sliceDimension
        sliceValue
        weight
        shared
        owner
        parent {
          id
          unit {
            name
          }
          metric {
            code
            name
          }
        }
        defaultStatusRule
        statusRule {
          status
          measure
          min
          max
        }
        targets(grain: $targetGrain) {
          periodStart
          target
        }
        checkins(first: 5) {
          id
          periodStart
          status
          value
          note
          author
          createdAt
        }
      }
    }
    metrics {
      code
      name
      kind
      unit
    }
  }
`);

import { graphql } from '../../../gql';

/**
 * One level of the cascade: a unit and its children (with whether they have children of their own), the main metrics'
 * values for each, and the status of the unit's KPIs and of its children's KPIs on the same metrics (the scorecard's
 * cascade edges), all in one request. Expanding a row runs this for that row's unit.
 */
export const CascadeLevelQuery = graphql(`
  query CascadeLevel($unit: ID!, $period: String!) {
    unit(id: $unit) {
      id
      code
      name
      kind
      ...HeatValues
      breadcrumb {
        name
        unit {
          id
        }
      }
      children {
        id
        code
        name
        kind
        ...HeatValues
        children {
          id
        }
      }
      scorecard(period: $period) {
        kpis {
          kpi {
            metric {
              code
            }
            valueUnit
            sliceDimension
          }
          actual
          status
          n
          suppressed
          children {
            kpi {
              unit {
                id
              }
              metric {
                code
              }
              valueUnit
              sliceDimension
            }
            actual
            status
            n
            suppressed
          }
        }
      }
    }
    metrics {
      code
      unit
    }
  }

  fragment HeatValues on OrgUnit {
    nps: value(metric: "nps", period: $period) { value n suppressed }
    csat: value(metric: "csat", period: $period) { value n suppressed }
    ces: value(metric: "ces", period: $period) { value n suppressed }
    fcr: value(metric: "fcr", period: $period) { value suppressed }
    sla: value(metric: "sla", period: $period) { value suppressed }
  }
`);

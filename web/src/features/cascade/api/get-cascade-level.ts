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
    }
    metrics {
      code
      unit
    }
    scorecard(unit: $unit, period: $period) {
      kpis {
        kpi {
          metric
          valueUnit
          sliceDimension
        }
        actual
        status
        n
        suppressed
        children {
          kpi {
            unitId
            metric
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

  fragment HeatValues on OrgUnit {
    nps: value(metric: "nps", period: $period) { value suppressed }
    csat: value(metric: "csat", period: $period) { value suppressed }
    ces: value(metric: "ces", period: $period) { value suppressed }
    fcr: value(metric: "fcr", period: $period) { value suppressed }
    sla: value(metric: "sla", period: $period) { value suppressed }
  }
`);

import { graphql } from '../../../gql';

/**
 * A partner's page in one request: its outcome and process metrics for the period (its engagements in the caller's
 * scope pooled), and each engagement with the department above it (the breadcrumb's last step, a name even outside
 * the scope) and its scorecard's KPI lines — left out ($kpis false) for an embed locked to one slice, which reads no
 * scorecard (a scorecard's KPIs carry their own slices).
 */
export const PartnerQuery = graphql(`
  query Partner($code: String!, $period: String!, $kpis: Boolean! = true) {
    partner(code: $code) {
      id
      code
      name
      nps: value(metric: "nps", period: $period) { ...PartnerPageFigure }
      csat: value(metric: "csat", period: $period) { ...PartnerPageFigure }
      ces: value(metric: "ces", period: $period) { ...PartnerPageFigure }
      fcr: value(metric: "fcr", period: $period) { ...PartnerPageFigure }
      repeat_rate: value(metric: "repeat_rate", period: $period) { ...PartnerPageFigure }
      transfer_rate: value(metric: "transfer_rate", period: $period) { ...PartnerPageFigure }
      sla: value(metric: "sla", period: $period) { ...PartnerPageFigure }
      response_time: value(metric: "response_time", period: $period) { ...PartnerPageFigure }
      channel_switch: value(metric: "channel_switch", period: $period) { ...PartnerPageFigure }
      containment: value(metric: "containment", period: $period) { ...PartnerPageFigure }
      engagements {
        id
        code
        name
        breadcrumb {
          name
          unit {
            id
          }
        }
        scorecard(period: $period) @include(if: $kpis) {
          score
          kpis {
            kpi {
              id
              metric {
                code
                name
              }
              valueUnit
              sliceDimension
              sliceValue
            }
            actual
            target
            attainment
            status
            n
            lowConfidence
            suppressed
          }
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

  fragment PartnerPageFigure on MetricValue {
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

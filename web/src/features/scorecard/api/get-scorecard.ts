import { graphql } from '../../../gql';

/**
 * The whole scorecard screen in one round trip: the unit with its breadcrumb, every KPI line with its 13-period
 * trend, reconciliation and latest check-in; the value and change against the previous period (with its test) of each
 * metric of the catalogue, and the trends of the main process metrics, so that process metrics the unit has no KPI
 * on are still shown beside the outcomes (DESIGN §2).
 */
export const ScorecardQuery = graphql(`
  query Scorecard($unit: ID!, $period: String!, $grain: SeriesGrain!) {
    unit(id: $unit) {
      id
      code
      name
      kind
      breadcrumb {
        name
        unit {
          id
        }
      }
      nps: value(metric: "nps", period: $period) { ...MetricNow }
      csat: value(metric: "csat", period: $period) { ...MetricNow }
      csat_mean: value(metric: "csat_mean", period: $period) { ...MetricNow }
      ces: value(metric: "ces", period: $period) { ...MetricNow }
      ces_agree: value(metric: "ces_agree", period: $period) { ...MetricNow }
      fcr: value(metric: "fcr", period: $period) { ...MetricNow }
      repeat_rate: value(metric: "repeat_rate", period: $period) { ...MetricNow }
      sla: value(metric: "sla", period: $period) { ...MetricNow }
      response_time: value(metric: "response_time", period: $period) { ...MetricNow }
      handle_time: value(metric: "handle_time", period: $period) { ...MetricNow }
      transfer_rate: value(metric: "transfer_rate", period: $period) { ...MetricNow }
      containment: value(metric: "containment", period: $period) { ...MetricNow }
      channel_switch: value(metric: "channel_switch", period: $period) { ...MetricNow }
      abandonment: value(metric: "abandonment", period: $period) { ...MetricNow }
      fcr_trend: series(metric: "fcr", grain: $grain, end: $period) { period value }
      sla_trend: series(metric: "sla", grain: $grain, end: $period) { period value }
      response_time_trend: series(metric: "response_time", grain: $grain, end: $period) { period value }
      repeat_rate_trend: series(metric: "repeat_rate", grain: $grain, end: $period) { period value }
      transfer_rate_trend: series(metric: "transfer_rate", grain: $grain, end: $period) { period value }
      channel_switch_trend: series(metric: "channel_switch", grain: $grain, end: $period) { period value }
      containment_trend: series(metric: "containment", grain: $grain, end: $period) { period value }
    }
    metrics {
      code
      name
      kind
      unit
      direction
    }
    scorecard(unit: $unit, period: $period) {
      period
      score
      scoredWeight
      totalWeight
      kpis {
        ...ScorecardLine
        drivers {
          ...ScorecardLine
        }
      }
    }
  }

  fragment MetricNow on MetricValue {
    value
    n
    lowConfidence
    suppressed
    change {
      difference
      z
      significant
    }
  }

  fragment ScorecardLine on ScorecardKpi {
    kpi {
      id
      metric
      metricName
      kind
      direction
      valueUnit
      shared
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
    effectiveWeight
    trend {
      period
      actual
      target
    }
    reconciliation {
      volumeBasis
      parentTarget
      impliedParentTarget
      gap
      addsUp
    }
    latestCheckin {
      periodStart
      status
      note
      author
      createdAt
    }
  }
`);

import { graphql } from '../../../gql';

/**
 * The whole scorecard screen in one round trip: the unit with its breadcrumb, every KPI line with its 13-period
 * trend, reconciliation, latest check-in and its own change against the previous period (a sliced KPI against its
 * slice, with its test); the value and change against the previous period (with its test) of each
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
      fcr_trend: series(metric: "fcr", grain: $grain, end: $period) { period value suppressed }
      sla_trend: series(metric: "sla", grain: $grain, end: $period) { period value suppressed }
      response_time_trend: series(metric: "response_time", grain: $grain, end: $period) { period value suppressed }
      repeat_rate_trend: series(metric: "repeat_rate", grain: $grain, end: $period) { period value suppressed }
      transfer_rate_trend: series(metric: "transfer_rate", grain: $grain, end: $period) { period value suppressed }
      channel_switch_trend: series(metric: "channel_switch", grain: $grain, end: $period) { period value suppressed }
      containment_trend: series(metric: "containment", grain: $grain, end: $period) { period value suppressed }
      scorecard(period: $period) {
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
    metrics {
      code
      name
      kind
      unit
      direction
    }
  }

  fragment MetricNow on MetricValue {
    value
    n
    lowConfidence
    suppressed
    change {
      ...ChangeTest
    }
  }

  fragment ChangeTest on Change {
    difference
    z
    significant
    low
    high
  }

  fragment ScorecardLine on ScorecardKpi {
    kpi {
      id
      metric {
        code
        name
      }
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
    previous {
      period
      actual
    }
    change {
      ...ChangeTest
    }
    trend {
      period
      actual
      target
      suppressed
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

import { graphql } from '../../../gql';

/**
 * The trends tab in one request: 13 months of each outcome and process metric for the unit, ending with the
 * period's last month.
 */
export const ProcessQuery = graphql(`
  query Process($unit: ID!, $end: String!) {
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
      nps: series(metric: "nps", end: $end, periods: 13) { ...SeriesPoint }
      csat: series(metric: "csat", end: $end, periods: 13) { ...SeriesPoint }
      ces: series(metric: "ces", end: $end, periods: 13) { ...SeriesPoint }
      fcr: series(metric: "fcr", end: $end, periods: 13) { ...SeriesPoint }
      sla: series(metric: "sla", end: $end, periods: 13) { ...SeriesPoint }
      response_time: series(metric: "response_time", end: $end, periods: 13) { ...SeriesPoint }
      repeat_rate: series(metric: "repeat_rate", end: $end, periods: 13) { ...SeriesPoint }
      transfer_rate: series(metric: "transfer_rate", end: $end, periods: 13) { ...SeriesPoint }
      channel_switch: series(metric: "channel_switch", end: $end, periods: 13) { ...SeriesPoint }
      containment: series(metric: "containment", end: $end, periods: 13) { ...SeriesPoint }
    }
    metrics {
      code
      unit
    }
  }

  fragment SeriesPoint on MetricValue {
    period
    value
    n
    low
    high
    suppressed
  }
`);

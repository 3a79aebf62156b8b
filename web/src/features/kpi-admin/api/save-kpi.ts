import { graphql } from '../../../gql';

/**
 * A KPI with its status rule and targets in one call (analysts): the API checks everything first and writes it in one
 * transaction, so a refused field, rule line or target saves nothing; each error names its field (input.targets[3].value).
 */
export const SaveKpiMutation = graphql(`
  mutation SaveKpi($input: SaveKpiInput!) {
    saveKpi(input: $input) {
      id
      weight
      shared
      owner
      defaultStatusRule
      statusRule {
        status
        measure
        min
        max
      }
    }
  }
`);

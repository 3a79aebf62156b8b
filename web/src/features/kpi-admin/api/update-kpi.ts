import { graphql } from '../../../gql';

/** Weight, shared flag, owner and cascade parent of a KPI (analysts). */
export const UpdateKpiMutation = graphql(`
  mutation UpdateKpi($input: UpdateKpiInput!) {
    updateKpi(input: $input) {
      id
      weight
      shared
      owner
      parent {
        id
      }
    }
  }
`);

import { graphql } from '../../../gql';

/** A new KPI (analysts): refused as a whole, with one error per input field, when anything is wrong. */
export const CreateKpiMutation = graphql(`
  mutation CreateKpi($input: CreateKpiInput!) {
    createKpi(input: $input) {
      id
    }
  }
`);

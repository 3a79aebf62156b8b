import { graphql } from '../../../gql';

/** A KPI's targets of one grain, all or nothing: one bad value refuses the call and nothing is written. */
export const SetKpiTargetsMutation = graphql(`
  mutation SetKpiTargets($input: SetKpiTargetsInput!) {
    setKpiTargets(input: $input) {
      periodStart
      target
    }
  }
`);

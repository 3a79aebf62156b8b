import { graphql } from '../../../gql';

/** A check-in with its note (analysts and department heads), signed with the caller's name by the API. */
export const RecordCheckinMutation = graphql(`
  mutation RecordCheckin($input: KpiCheckinInput!) {
    recordCheckin(input: $input) {
      id
    }
  }
`);

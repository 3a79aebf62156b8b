import { graphql } from '../../../gql';

/** The host applications analysts registered (issue 17), with their keys' ids and dates (never a secret). */
export const HostApplicationsQuery = graphql(`
  query HostApplications {
    hostApplications {
      ...HostApplicationRow
    }
  }

  fragment HostApplicationRow on HostApplication {
    id
    name
    origins
    grantUnits
    grantPartners
    views
    permissions
    createdAt
    disabledAt
    keys {
      keyId
      createdAt
      expiresAt
      revokedAt
      lastUsedAt
    }
  }
`);

export const RegisterHostMutation = graphql(`
  mutation RegisterHostApplication($input: HostApplicationInput!) {
    registerHostApplication(input: $input) {
      ...HostApplicationRow
    }
  }
`);

export const SetHostDisabledMutation = graphql(`
  mutation SetHostApplicationDisabled($id: ID!, $disabled: Boolean!) {
    setHostApplicationDisabled(id: $id, disabled: $disabled) {
      ...HostApplicationRow
    }
  }
`);

/** The answer holds the key's secret this once: the screen shows it until dismissed and keeps it nowhere. */
export const IssueKeyMutation = graphql(`
  mutation IssueApiKey($host: ID!) {
    issueApiKey(host: $host) {
      hostId
      keyId
      key
      createdAt
    }
  }
`);

export const RevokeKeyMutation = graphql(`
  mutation RevokeApiKey($keyId: String!) {
    revokeApiKey(keyId: $keyId)
  }
`);

export const RotateKeyMutation = graphql(`
  mutation RotateApiKey($keyId: String!, $overlapHours: Int!) {
    rotateApiKey(keyId: $keyId, overlapHours: $overlapHours) {
      hostId
      keyId
      key
      createdAt
    }
  }
`);

/** The views and permissions a host may be given (the API's HostApplicationInput). */
export const embedViews = ['scorecard', 'cascade', 'process', 'partner'] as const;
export const embedPermissions = ['view', 'drill', 'export'] as const;

/** One entry per line or comma, blanks dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

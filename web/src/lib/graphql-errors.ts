import type { CombinedError } from 'urql';

/** The API answers NOT_FOUND for a unit that is unknown or outside the caller's scope (the two are not told apart). */
export function isNotFound(error: CombinedError | undefined): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND');
}

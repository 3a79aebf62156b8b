import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';
import { codedGraphQLError, translateApiError } from '../../../lib/api-errors';

/**
 * The API's refusals by input field, in the reader's language: BAD_USER_INPUT errors carry their field path in
 * extensions.field ("input.weight", "input.targets[3].value") and their problem code and params (extensions.problem,
 * extensions.params); an uncoded one shows its English message ("path: message", without the path). Errors without a
 * field (FORBIDDEN, NOT_FOUND, network) are under "". Computed while rendering, so a language switch re-says them.
 */
export function fieldErrors(error: CombinedError | undefined, t: TFunction, language: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!error) return out;
  if (error.networkError) out[''] = error.networkError.message;
  for (const e of error.graphQLErrors) {
    const field = typeof e.extensions?.field === 'string' ? e.extensions.field : '';
    const english = field && e.message.startsWith(`${field}: `) ? e.message.slice(field.length + 2) : e.message;
    const message = translateApiError(t, language, codedGraphQLError(e, english), 'graphql');
    out[field] = out[field] ? `${out[field]}; ${message}` : message;
  }
  return out;
}

/** The errors of one target cell: any field under input.targets[i]. */
export function targetError(errors: Record<string, string>, index: number): string | undefined {
  const prefix = `input.targets[${index}]`;
  const found = Object.entries(errors).filter(([k]) => k === prefix || k.startsWith(`${prefix}.`));
  return found.length ? found.map(([, v]) => v).join('; ') : undefined;
}

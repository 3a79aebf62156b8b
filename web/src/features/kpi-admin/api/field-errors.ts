import type { CombinedError } from 'urql';

/**
 * The API's refusals by input field: BAD_USER_INPUT errors carry their field path in extensions.field
 * ("input.weight", "input.targets[3].value"); the message comes as "path: message", shown here without the path.
 * Errors without a field (FORBIDDEN, NOT_FOUND, network) are under "".
 */
export function fieldErrors(error: CombinedError | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!error) return out;
  if (error.networkError) out[''] = error.networkError.message;
  for (const e of error.graphQLErrors) {
    const field = typeof e.extensions?.field === 'string' ? e.extensions.field : '';
    const message = field && e.message.startsWith(`${field}: `) ? e.message.slice(field.length + 2) : e.message;
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

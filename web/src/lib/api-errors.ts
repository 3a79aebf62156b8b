import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';

/**
 * An error as the API reports it: its English message and, where the API codes it, a stable code with the values the
 * message names (GraphQL: extensions.problem and extensions.params; import problems: code and params).
 */
export interface CodedError {
  code?: string | null;
  params?: Record<string, unknown> | null;
  message: string;
}

/** The areas whose codes have their own wording (an import's OUT_OF_RANGE names no metric, a KPI target's does; upload: a refused import request). */
export type ErrorArea = 'graphql' | 'import' | 'upload';

/**
 * The error in the reader's language: the code's message from the locale files (apiErrors.<area>.<code>) with its
 * params formatted for the locale (numbers through Intl, metrics, units, grains and slices by their names), or the
 * API's English message for a code the web does not know. Called while rendering, so a language switch re-renders it.
 */
export function translateApiError(t: TFunction, language: string, error: CodedError, area: ErrorArea): string {
  const code = error.code;
  if (!code || !t(`apiErrors.${area}.${code}`, { defaultValue: '' })) return error.message;
  const params = error.params ?? {};
  const values: Record<string, string> = {};
  const words = area === 'graphql' ? graphqlWords : code === 'MALFORMED_CSV' ? csvWords : {};
  for (const [name, value] of Object.entries(params)) values[name] = paramText(t, language, words[name], name, value);
  const context = params.kept === true ? 'kept' : undefined;
  return t(`apiErrors.${area}.${code}`, { ...values, context, defaultValue: error.message });
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function formatNumber(value: number, language: string): string {
  let f = numberFormats.get(language);
  if (!f) numberFormats.set(language, (f = new Intl.NumberFormat(language, { maximumFractionDigits: 6 })));
  return f.format(value);
}

/**
 * Params that are words of the app's vocabulary, by the key prefix naming them; every other param is a value from the
 * input (a code, a date, an allowed token) and shown as it is, since that is what the file or field must hold.
 */
const graphqlWords: Record<string, string> = {
  metric: 'metrics',
  parentMetric: 'metrics',
  unit: 'apiErrors.units',
  what: 'apiErrors.what',
  grain: 'apiErrors.grains',
  dimension: 'breakdowns.by',
};
const csvWords: Record<string, string> = { kind: 'apiErrors.csv' };

/** One param as text: numbers in the locale's format, vocabulary words translated, lists joined. */
function paramText(t: TFunction, language: string, words: string | undefined, name: string, value: unknown): string {
  if (value == null) return '';
  if (Array.isArray(value)) {
    const items = value.map((v) => paramText(t, language, undefined, '', v));
    return name === 'cycle' ? items.join(' → ') : items.join(language.startsWith('zh') ? '、' : ', ');
  }
  if (typeof value === 'number') return formatNumber(value, language);
  const text = String(value);
  return words ? t(`${words}.${text}`, { defaultValue: text }) : text;
}

/** A GraphQL error's code and params: extensions.problem (the exact problem) else none, so its message is shown. */
export function codedGraphQLError(e: { message: string; extensions?: Record<string, unknown> }, message = e.message): CodedError {
  const ext = e.extensions ?? {};
  return {
    code: typeof ext.problem === 'string' ? ext.problem : null,
    params: ext.params && typeof ext.params === 'object' ? (ext.params as Record<string, unknown>) : null,
    message,
  };
}

/** Every error of a GraphQL call in the reader's language, joined (for a form's or a screen's one error line). */
export function graphQLErrorText(t: TFunction, language: string, error: CombinedError): string {
  if (error.networkError) return error.networkError.message;
  return error.graphQLErrors.map((e) => translateApiError(t, language, codedGraphQLError(e), 'graphql')).join('; ');
}

import { useTranslation } from 'react-i18next';
import { translateApiError } from '../../../lib/api-errors';
import { formatInteger } from '../../../lib/format';
import type { ImportError } from '../api/import-file';

export const sortKeys = ['line', 'column', 'field', 'reason'] as const;
export type SortKey = (typeof sortKeys)[number];

/**
 * The file's errors by line and column, sortable by any column (the sort is in the URL: ?sort=field&dir=desc). Each
 * reason is said in the reader's language from its code and params while rendering (the API's English for an unknown
 * code), so a language switch re-says them; the reason column sorts by the words shown.
 */
export function ErrorTable({ errors, sort, dir, onSort }: { errors: ImportError[]; sort: SortKey; dir: 'asc' | 'desc'; onSort: (key: SortKey) => void }) {
  const { t, i18n } = useTranslation();
  const reason = (e: ImportError) => translateApiError(t, i18n.language, { code: e.code, params: e.params, message: e.reason }, 'import');
  const value = (e: ImportError, k: SortKey) =>
    k === 'line' ? e.line : k === 'column' ? (e.column ?? -1) : k === 'reason' ? reason(e) : (e[k] ?? '');
  const rows = [...errors].sort((a, b) => {
    const x = value(a, sort);
    const y = value(b, sort);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return (dir === 'asc' ? c : -c) || a.line - b.line;
  });
  return (
    <table className="table table--compact error-table">
      <caption className="visually-hidden">{t('data.errors')}</caption>
      <thead>
        <tr>
          {sortKeys.map((k) => (
            <th key={k} scope="col" className={k === 'line' || k === 'column' ? 'num' : undefined} aria-sort={sort === k ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" className="sort-button" onClick={() => onSort(k)}>
                {t(`data.columns.${k}`)}
                <span aria-hidden="true">{sort === k ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((e, i) => (
          <tr key={i} data-line={e.line}>
            <td className="num" data-testid="line">{formatInteger(e.line, i18n.language)}</td>
            <td className="num" data-testid="column">{e.column == null ? '–' : formatInteger(e.column, i18n.language)}</td>
            <td data-testid="field">{e.field ?? '–'}</td>
            <td data-testid="reason">{reason(e)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger, formatShare } from '../../../lib/format';
import { translateApiError } from '../../../lib/api-errors';
import { importFile, importKinds, rejectsCsv, UploadFailed, type ImportError, type ImportKind, type ImportOutcome } from '../api/import-file';
import { ErrorTable, type SortKey } from './error-table';

/**
 * Upload an import file with progress; a rejected file's errors as a sortable table (line, column, field, reason) with
 * nothing written; with quarantine, the good rows are loaded and counted and the left-out rows are a file to download.
 */
export function ImportPanel({
  kind,
  quarantine,
  sort,
  dir,
  onChange,
  onSort,
}: {
  kind: ImportKind;
  quarantine: boolean;
  sort: SortKey;
  dir: 'asc' | 'desc';
  onChange: (key: 'kind' | 'quarantine', value: string | null) => void;
  onSort: (key: SortKey) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const lng = i18n.language;
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  // An upload that got no answer is said from its kind; anything else thrown keeps its own words.
  const [failure, setFailure] = useState<Error | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return;
    setOutcome(null);
    setFailure(null);
    setProgress(0);
    try {
      setOutcome(await importFile(kind, file, quarantine, setProgress));
    } catch (err) {
      setFailure(err as Error);
    } finally {
      setProgress(null);
    }
  }

  // A data: URL: the file is small (the rows left out) and needs no object URL to revoke.
  // The rejects file says each reason in the reader's language, where it is first ("column 7 (nps): …").
  const say = (p: ImportError) => {
    const reason = translateApiError(t, lng, { code: p.code, params: p.params, message: p.reason }, 'import');
    const place = p.column != null ? t(p.field ? 'apiErrors.atColumnField' : 'apiErrors.atColumn', { column: formatInteger(p.column, lng), field: p.field }) : p.field;
    return place ? `${place}: ${reason}` : reason;
  };
  const refusal = outcome?.code ? translateApiError(t, lng, { code: outcome.code, params: outcome.params, message: '' }, 'upload') : '';
  const rejectsHref = outcome && outcome.rejectedRows.length ? `data:text/csv;charset=utf-8,${encodeURIComponent(rejectsCsv(outcome.rejectedRows, say))}` : null;
  return (
    <div className="import-panel">
      <form onSubmit={submit} aria-label={t('data.importTitle')} className="import-form">
        <span className="field-inline">
          <label htmlFor={`${id}-kind`}>{t('data.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => onChange('kind', e.target.value)}>
            {importKinds.map((k) => (
              <option key={k} value={k}>
                {t(`data.kinds.${k}`)}
              </option>
            ))}
          </select>
        </span>
        <span className="field-inline">
          <label htmlFor={`${id}-file`}>{t('data.file')}</label>
          <input id={`${id}-file`} type="file" accept=".csv,.jsonl,.json,.txt" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </span>
        <label className="toggle">
          <input type="checkbox" checked={quarantine} onChange={(e) => onChange('quarantine', e.target.checked ? '1' : null)} />
          {t('data.quarantine')}
        </label>
        <button type="submit" disabled={!file || progress != null}>
          {t('data.upload')}
        </button>
      </form>
      <p className="muted small">{t('data.quarantineHelp')}</p>
      {progress != null && (
        <div className="import-progress">
          <progress max={1} value={progress} aria-label={t('data.uploading')} />
          <span className="small">{progress < 1 ? t('data.uploadingShare', { share: formatShare(progress, 0, lng) }) : t('data.processing')}</span>
        </div>
      )}
      {failure && (
        <p className="field__error" role="alert">
          {failure instanceof UploadFailed ? t('apiErrors.uploadFailed') : failure.message}
        </p>
      )}
      {outcome && (
        <div className="import-result" data-testid="import-result">
          {outcome.ok ? (
            <p role="status" className="import-result__ok">
              {t('data.imported', {
                read: formatInteger(outcome.rowsRead, lng),
                inserted: formatInteger(outcome.inserted, lng),
                updated: formatInteger(outcome.updated, lng),
                unchanged: formatInteger(outcome.unchanged, lng),
              })}
              {outcome.rejected > 0 && <> {t('data.rejectedCount', { count: outcome.rejected, n: formatInteger(outcome.rejected, lng) })}</>}
            </p>
          ) : (
            <div role="alert" className="import-result__refused">
              {/* A 422 carries the report and a refused request its code: both said in the reader's language (the API's
                  title and detail are English, shown only for a code this web does not know). */}
              <strong>{outcome.status === 422 || refusal ? t('data.refused') : (outcome.title ?? t('data.refused'))}</strong>
              {outcome.status === 422 && outcome.errorCount > 0 ? (
                <p className="small">{t('data.refusedDetail', { count: outcome.errorCount, n: formatInteger(outcome.errorCount, lng), file: file?.name ?? '' })}</p>
              ) : (
                (refusal || outcome.detail) && <p className="small">{refusal || outcome.detail}</p>
              )}
            </div>
          )}
          {rejectsHref && (
            <p>
              <a href={rejectsHref} download={`${kind}-rejects.csv`} data-testid="rejects-link">
                {t('data.downloadRejects', { n: formatInteger(outcome.rejectedRows.length, lng) })}
              </a>
            </p>
          )}
          {outcome.errors.length > 0 && (
            <ErrorTable errors={outcome.errors} sort={sort} dir={dir} onSort={onSort} />
          )}
        </div>
      )}
    </div>
  );
}

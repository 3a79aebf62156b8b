import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { Skeleton } from '../../../components/skeleton';
import { formatDuration, formatInteger } from '../../../lib/format';
import { listRollupRuns, scopeMessage, startRollupRun, stepMessage, type RollupRun } from '../api/rollup-runs';
import { useRuns } from '../api/use-runs';

const pollMs = 3000;

/**
 * Recent rollup runs with status, duration, rows and cells, and error; polled while one runs, which shows its progress
 * (a bar of steps done, the step under way, rows read and cells written so far). Start a refresh (changed days) or a
 * rebuild (everything); the API says when a run of that job was already waiting.
 */
export function RunsPanel({ showIdle, onShowIdle }: { showIdle: boolean; onShowIdle: (show: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const scopeText = (scope: string) => {
    const m = scopeMessage(scope);
    return m ? t(`data.scopes.${m.key}`, { count: m.days, n: formatInteger(m.days, lng) }) : scope;
  };
  // Kept as a key, not a translated string: a language switch re-says it.
  const [message, setMessage] = useState<{ key: string; job?: string } | { text: string } | null>(null);
  const { runs, error, now, load } = useRuns(() => listRollupRuns(20, showIdle), showIdle);
  const running = runs?.some((r) => r.outcome === 'running') ?? false;
  useEffect(() => {
    if (!running && !message) return;
    const timer = setInterval(load, pollMs);
    return () => clearInterval(timer);
  }, [running, message, load]);

  async function start(mode: 'refresh' | 'rebuild') {
    try {
      const r = await startRollupRun(mode);
      setMessage({ key: r.state === 'already-queued' ? 'data.alreadyQueued' : 'data.enqueued', job: r.enqueued });
      load();
    } catch (e) {
      setMessage({ text: (e as Error).message });
    }
  }

  // A finished run's own counts; a running one's counts so far, said so.
  const count = (final: number | null, soFar: number | undefined) =>
    final != null ? (
      formatInteger(final, lng)
    ) : soFar != null ? (
      <>
        {formatInteger(soFar, lng)} <span className="kpi-sub">{t('data.soFar')}</span>
      </>
    ) : (
      '–'
    );

  return (
    <div className="runs-panel">
      <div className="runs-panel__actions">
        <button type="button" onClick={() => void start('refresh')}>
          {t('data.startRefresh')}
        </button>
        <button type="button" className="button--secondary" onClick={() => void start('rebuild')}>
          {t('data.startRebuild')}
        </button>
        <label className="toggle">
          <input type="checkbox" checked={showIdle} onChange={(e) => onShowIdle(e.target.checked)} /> {t('data.showIdle')}
        </label>
        <span className="small" role="status" aria-live="polite">
          {message && ('key' in message ? t(message.key, { job: message.job }) : message.text)}
        </span>
      </div>
      {error ? (
        <ErrorState message={error} onRetry={load} />
      ) : !runs ? (
        <Skeleton label={t('common.loading')} rows={5} height={32} />
      ) : runs.length === 0 ? (
        <p className="muted">{t(showIdle ? 'data.noRuns' : 'data.noBusyRuns')}</p>
      ) : (
        <table className="table table--compact runs-table">
          <caption className="visually-hidden">{t('data.runsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">#</th>
              <th scope="col">{t('data.job')}</th>
              <th scope="col">{t('data.status')}</th>
              <th scope="col">{t('data.started')}</th>
              <th scope="col" className="num">{t('data.duration')}</th>
              <th scope="col" className="num">{t('data.rowsRead')}</th>
              <th scope="col" className="num">{t('data.cellsWritten')}</th>
              <th scope="col">{t('data.error')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => {
              const end = r.finishedAt ? Date.parse(r.finishedAt) : now;
              return (
                <tr key={r.id} data-run={r.id} data-outcome={r.outcome}>
                  <td className="num">{r.id}</td>
                  <th scope="row">
                    {r.job}
                    {r.scope && <span className="kpi-sub">{scopeText(r.scope)}</span>}
                  </th>
                  <td>
                    <span className={`run-status run-status--${r.outcome}`}>{t(`data.outcomes.${r.outcome}`, { defaultValue: r.outcome })}</span>
                    {r.outcome === 'running' && r.progress && <RunProgress run={r} />}
                  </td>
                  <td className="small">{new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(r.startedAt))}</td>
                  <td className="num">{formatDuration(Math.max(0, (end - Date.parse(r.startedAt)) / 1000), lng)}</td>
                  <td className="num">{count(r.rowsRead, r.progress?.rowsRead)}</td>
                  <td className="num">{count(r.cellsWritten, r.progress?.cellsWritten)}</td>
                  <td className="small error-cell">{r.error ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** A running run's progress: a bar of steps done of the total and the step under way, in the reader's language. */
function RunProgress({ run }: { run: RollupRun }) {
  const { t } = useTranslation();
  const p = run.progress!;
  const message = stepMessage(p.step);
  const step = message ? t(`data.steps.${message.key}`, message.values) : p.step;
  const label = t('data.stepOf', { done: p.stepsDone + 1 > p.stepsTotal ? p.stepsTotal : p.stepsDone + 1, total: p.stepsTotal, step });
  return (
    <div className="run-progress" data-testid="run-progress">
      <progress value={p.stepsDone} max={p.stepsTotal} aria-label={t('data.progress', { id: run.id })} aria-valuetext={label} />
      <span className="small">{label}</span>
    </div>
  );
}

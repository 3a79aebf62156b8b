import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { Skeleton } from '../../../components/skeleton';
import { formatDuration, formatInteger } from '../../../lib/format';
import { listPatternRuns, patternScope } from '../api/pattern-runs';
import { useRuns } from '../api/use-runs';

// Rounds follow rollup runs by a poll of the api nodes: a slow poll shows a new one, a quick one follows one under way.
const idlePollMs = 30000;
const runningPollMs = 3000;

/**
 * The privacy-pattern builds of the api nodes, beside the rollup runs: when each round ran, on which node, how long it
 * took, how many scopes' patterns it built and found ready, for which rollup version, and why it failed.
 */
export function PatternRunsPanel() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { runs, error, now, load } = useRuns(() => listPatternRuns(20));
  const running = runs?.some((r) => r.outcome === 'running') ?? false;
  useEffect(() => {
    const timer = setInterval(load, running ? runningPollMs : idlePollMs);
    return () => clearInterval(timer);
  }, [running, load]);

  const dateTime = (iso: string) => new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  return (
    <div className="runs-panel">
      <p className="small muted">{t('data.patterns.intro')}</p>
      {error ? (
        <ErrorState message={error} onRetry={load} />
      ) : !runs ? (
        <Skeleton label={t('common.loading')} rows={3} height={32} />
      ) : runs.length === 0 ? (
        <p className="muted">{t('data.patterns.none')}</p>
      ) : (
        <table className="table table--compact runs-table">
          <caption className="visually-hidden">{t('data.patterns.title')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">#</th>
              <th scope="col">{t('data.patterns.node')}</th>
              <th scope="col">{t('data.status')}</th>
              <th scope="col">{t('data.started')}</th>
              <th scope="col" className="num">{t('data.duration')}</th>
              <th scope="col">{t('data.patterns.counts')}</th>
              <th scope="col">{t('data.patterns.version')}</th>
              <th scope="col">{t('data.error')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => {
              const end = r.finishedAt ? Date.parse(r.finishedAt) : now;
              const s = patternScope(r.scope);
              return (
                <tr key={r.id} data-pattern-run={r.id} data-outcome={r.outcome}>
                  <td className="num">{r.id}</td>
                  <th scope="row" className="small">{r.node ?? '–'}</th>
                  <td>
                    <span className={`run-status run-status--${r.outcome}`}>{t(`data.outcomes.${r.outcome}`, { defaultValue: r.outcome })}</span>
                  </td>
                  <td className="small">{dateTime(r.startedAt)}</td>
                  <td className="num">{formatDuration(Math.max(0, (end - Date.parse(r.startedAt)) / 1000), lng)}</td>
                  <td className="small">
                    {s
                      ? t('data.patterns.builtReady', { built: formatInteger(s.built, lng), ready: formatInteger(s.ready, lng), count: s.targets, targets: formatInteger(s.targets, lng) })
                      : r.outcome === 'running'
                        ? t('data.patterns.building')
                        : '–'}
                  </td>
                  <td className="small">{s?.version ? dateTime(s.version) : '–'}</td>
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

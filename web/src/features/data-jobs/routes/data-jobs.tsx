import { useTranslation } from 'react-i18next';
import { useSession } from '../../../lib/session';
import { useUrlParams } from '../../../lib/use-url-params';
import { importKinds } from '../api/import-file';
import { sortKeys } from '../components/error-table';
import { ImportPanel } from '../components/import-panel';
import { PatternRunsPanel } from '../components/pattern-runs-panel';
import { RunsPanel } from '../components/runs-panel';
import '../../../components/filters.css';
import '../components/data-jobs.css';
import { PageHeading } from '../../../components/page-heading';

/** Data and jobs (analysts): import files, rollup runs and the privacy-pattern builds that follow them. Kind, quarantine and the error table's sort are in the URL. */
export function DataJobsRoute() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, update] = useUrlParams();
  const kind = importKinds.find((k) => k === params.get('kind')) ?? 'responses';
  const quarantine = params.get('quarantine') === '1';
  const sort = sortKeys.find((k) => k === params.get('sort')) ?? 'line';
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const showIdle = params.get('idle') === '1';
  if (session?.role !== 'analyst')
    return (
      <div className="page">
        <PageHeading>{t('data.title')}</PageHeading>
        <p>{t('data.analystsOnly')}</p>
      </div>
    );
  return (
    <div className="page page--wide">
      <div className="page-head">
        <PageHeading>{t('data.title')}</PageHeading>
      </div>
      <div className="data-jobs">
        <section className="panel" aria-labelledby="data-import">
          <h2 id="data-import">{t('data.importTitle')}</h2>
          <ImportPanel
            kind={kind}
            quarantine={quarantine}
            sort={sort}
            dir={dir}
            onChange={(k, v) => update({ [k]: v })}
            onSort={(k) => update(k === sort ? { dir: dir === 'asc' ? 'desc' : null } : { sort: k === 'line' ? null : k, dir: null })}
          />
        </section>
        <section className="panel" aria-labelledby="data-runs">
          <h2 id="data-runs">{t('data.runsTitle')}</h2>
          <RunsPanel showIdle={showIdle} onShowIdle={(show) => update({ idle: show ? '1' : null })} />
        </section>
        <section className="panel" aria-labelledby="data-patterns">
          <h2 id="data-patterns">{t('data.patterns.title')}</h2>
          <PatternRunsPanel />
        </section>
      </div>
    </div>
  );
}

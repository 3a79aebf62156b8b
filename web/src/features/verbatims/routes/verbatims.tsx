import { useId } from 'react';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { EmptyState, ErrorState } from '../../../components/error-state';
import { OutOfScope } from '../../../components/out-of-scope';
import { PeriodPicker } from '../../../components/period-picker';
import { Skeleton } from '../../../components/skeleton';
import { formatInteger } from '../../../lib/format';
import { isNotFound } from '../../../lib/graphql-errors';
import { currentMonth, usePeriodParam } from '../../../lib/use-period';
import { VerbatimsQuery } from '../api/get-verbatims';
import { bands, parseSlice, sliceChoices, toVerbatimPage } from '../api/verbatim-view';
import { VerbatimList } from '../components/verbatim-list';
import '../../../components/filters.css';
import '../components/verbatims.css';

const pageSize = 20;

/**
 * A unit's comments, keyset-paged 20 at a time. The URL holds the filters (?band=NPS_DETRACTORS&slice=channel:phone)
 * and the trail of cursors that led to this page (?after=…&after=…), so Previous, reload and a shared link all land on
 * the same page; changing a filter starts again at the first page.
 */
export function VerbatimsRoute() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { unit = '' } = useParams();
  const [period] = usePeriodParam();
  const [params, setParams] = useSearchParams();
  const band = bands.find((b) => b === params.get('band')) ?? 'ALL';
  const sliceRaw = params.get('slice') ?? '';
  const slice = parseSlice(sliceRaw);
  const trail = params.getAll('after');
  const after = trail[trail.length - 1] ?? null;
  const [{ data, error, fetching }, refetch] = useQuery({
    query: VerbatimsQuery,
    variables: { unit, period: period ?? '', band, slice, after },
    pause: !period,
  });
  if (!period) return <Navigate to={`/?unit=${encodeURIComponent(unit)}`} replace />;
  if (isNotFound(error)) return <OutOfScope unit={unit} />;

  const update = (change: (p: URLSearchParams) => void) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      change(p);
      return p;
    });
  const setFilter = (key: string, value: string) =>
    update((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      p.delete('after');
    });
  const view = data ? toVerbatimPage(data) : null;
  const first = trail.length * pageSize + 1;
  return (
    <div className="page page--wide" aria-busy={fetching}>
      <div className="page-head">
        <div>
          {view ? (
            <Breadcrumbs
              items={view.breadcrumb.map((c) => ({ name: c.name, to: c.unitId ? `/units/${c.unitId}/verbatims?period=${period}` : undefined }))}
              current={view.unit.name}
            />
          ) : (
            <div className="breadcrumbs-placeholder" />
          )}
          <h1>{view ? t('verbatims.title', { unit: view.unit.name }) : t('common.loading')}</h1>
        </div>
        <div className="filters">
          <span className="field-inline">
            <label htmlFor={`${id}-band`}>{t('verbatims.band')}</label>
            <select id={`${id}-band`} value={band} onChange={(e) => setFilter('band', e.target.value === 'ALL' ? '' : e.target.value)}>
              {bands.map((b) => (
                <option key={b} value={b}>
                  {t(`verbatims.bandFilter.${b}`)}
                </option>
              ))}
            </select>
          </span>
          <span className="field-inline">
            <label htmlFor={`${id}-slice`}>{t('verbatims.slice')}</label>
            <select id={`${id}-slice`} value={slice ? sliceRaw : ''} onChange={(e) => setFilter('slice', e.target.value)}>
              <option value="">{t('filters.all')}</option>
              {sliceChoices.map((g) => (
                <optgroup key={g.dimension} label={t(`breakdowns.by.${g.dimension}`)}>
                  {g.values.map((v) => (
                    <option key={v} value={`${g.dimension}:${v}`}>
                      {t(`slices.${v}`, { defaultValue: v })}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </span>
          <PeriodPicker value={period} latest={currentMonth()} onChange={(p) => setFilter('period', p)} />
        </div>
      </div>
      <p className="muted small">{t('verbatims.privacy')}</p>
      {error ? (
        <ErrorState message={error.message} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !view ? (
        <Skeleton label={t('common.loading')} rows={8} height={70} />
      ) : view.items.length === 0 ? (
        <EmptyState>{t('verbatims.none')}</EmptyState>
      ) : (
        <>
          <p className="small" aria-live="polite" data-testid="range">
            {t('verbatims.range', { from: formatInteger(first, i18n.language), to: formatInteger(first + view.items.length - 1, i18n.language) })}
          </p>
          <VerbatimList items={view.items} start={first} />
        </>
      )}
      <nav className="pager" aria-label={t('verbatims.pages')}>
        <button type="button" disabled={trail.length === 0} onClick={() => update((p) => { p.delete('after'); trail.slice(0, -1).forEach((c) => p.append('after', c)); })}>
          {t('verbatims.newer')}
        </button>
        <button
          type="button"
          disabled={!view?.hasNextPage || !view.endCursor}
          onClick={() => view?.endCursor && update((p) => p.append('after', view.endCursor!))}
        >
          {t('verbatims.older')}
        </button>
      </nav>
    </div>
  );
}

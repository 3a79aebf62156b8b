import { useId } from 'react';
import { useParams } from 'react-router';
import { useUrlParams } from '../../../lib/use-url-params';
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
import { bands, parseSlices, sliceChoices, toSliceInputs, toVerbatimPage, type SliceParam } from '../api/verbatim-view';
import { VerbatimList } from '../components/verbatim-list';
import '../../../components/filters.css';
import '../components/verbatims.css';
import { PageHeading } from '../../../components/page-heading';
import { ToLatestPeriod } from '../../../components/to-latest-period';
import { NoResponses, noneCounted } from '../../../components/no-responses';

const pageSize = 20;

/**
 * A unit's comments, keyset-paged 20 at a time. The URL holds the filters, combinable
 * (?band=NPS_DETRACTORS&channel=phone&stage=onboarding&segment=small_business), and the trail of cursors that led to
 * this page (?after=…&after=…), so Previous, reload and a shared link all land on the same page; changing any filter
 * starts again at the first page. Under the privacy floor a combination with too few comments shows none (the
 * API counts the combination), which reads as the empty state.
 */
export function VerbatimsRoute() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { unit = '' } = useParams();
  const [period] = usePeriodParam();
  // Writes start from the URL last written (a second filter chosen before the first renders keeps the first).
  const [params, update] = useUrlParams();
  const band = bands.find((b) => b === params.get('band')) ?? 'ALL';
  const chosen = parseSlices(params);
  const slices = toSliceInputs(chosen);
  const trail = params.getAll('after');
  const after = trail[trail.length - 1] ?? null;
  const [{ data, error, fetching }, refetch] = useQuery({
    query: VerbatimsQuery,
    variables: { unit, period: period ?? '', band, slices: slices.length ? slices : null, after },
    pause: !period,
  });
  if (!period) return <ToLatestPeriod />;
  if (isNotFound(error)) return <OutOfScope unit={unit} />;

  const setFilter = (key: string, value: string) =>
    update((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      p.delete('after');
    });
  // One dimension changed: all three written under their own names (an old link's ?slice= becomes one of them).
  const setSlice = (param: SliceParam, value: string) =>
    update((p) => {
      const next = { ...parseSlices(p), [param]: value };
      p.delete('slice');
      for (const c of sliceChoices) {
        if (next[c.param]) p.set(c.param, next[c.param]);
        else p.delete(c.param);
      }
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
          <PageHeading>{view ? t('verbatims.title', { unit: view.unit.name }) : t('common.loading')}</PageHeading>
        </div>
        <div className="filters" role="group" aria-label={t('verbatims.filters')}>
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
          {sliceChoices.map((c) => (
            <span className="field-inline" key={c.param}>
              <label htmlFor={`${id}-${c.param}`}>{t(`verbatims.filter.${c.param}`)}</label>
              <select id={`${id}-${c.param}`} value={chosen[c.param]} onChange={(e) => setSlice(c.param, e.target.value)}>
                <option value="">{t(`verbatims.filterAll.${c.param}`)}</option>
                {c.values.map((v) => (
                  <option key={v} value={v}>
                    {t(`slices.${v}`, { defaultValue: v })}
                  </option>
                ))}
              </select>
            </span>
          ))}
          <PeriodPicker value={period} latest={currentMonth()} onChange={(p) => setFilter('period', p)} />
        </div>
      </div>
      <p className="muted small">{t('verbatims.privacy')}</p>
      {error ? (
        <ErrorState message={error.message} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !view ? (
        <Skeleton label={t('common.loading')} rows={8} height={70} />
      ) : view.items.length === 0 && data?.unit && noneCounted([data.unit.nps, data.unit.csat, data.unit.ces]) ? (
        <NoResponses period={period} />
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

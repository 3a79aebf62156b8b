import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/status-badge';
import { formatDate, formatDifference, formatNumber, formatPeriod, formatValue } from '../../../lib/format';
import type { ScorecardView } from '../api/scorecard-view';

/** Once per unit: the weighted score, the target reconciliation and the latest check-in with its note. */
export function ScoreSummary({ view }: { view: ScorecardView }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const rec = view.reconciliation;
  const checkin = view.checkin;
  return (
    <div className="score-summary">
      <section className="panel" aria-labelledby="score-title">
        <h2 id="score-title">{t('scorecard.score')}</h2>
        <p className="score-summary__score" data-testid="score">
          {view.score == null ? '–' : formatNumber(view.score, 1, lng)}
        </p>
        <p className="muted small">
          {t('scorecard.scoreHelp', { scored: formatNumber(view.scoredWeight, 0, lng), total: formatNumber(view.totalWeight, 0, lng) })}
        </p>
      </section>
      <section className="panel" aria-labelledby="rec-title">
        <h2 id="rec-title">{t('scorecard.reconciliation')}</h2>
        {rec && (rec.parentTarget == null || rec.impliedParentTarget == null) ? (
          // Said in words: "imply – against the parent target –" left the reader to guess which side was missing.
          <p className="muted small" data-testid="reconciliation">
            {t(rec.parentTarget == null ? 'scorecard.reconciliationNoTarget' : 'scorecard.reconciliationNoChildTargets', {
              metric: t(`metrics.${rec.metric}`, { defaultValue: rec.metric }),
              basis: formatPeriod(rec.volumeBasis, lng),
            })}
          </p>
        ) : rec ? (
          <p className="small" data-testid="reconciliation">
            {t('scorecard.reconciliationText', {
              metric: t(`metrics.${rec.metric}`, { defaultValue: rec.metric }),
              basis: formatPeriod(rec.volumeBasis, lng),
              implied: formatValue(rec.impliedParentTarget, rec.valueUnit, lng),
              parent: formatValue(rec.parentTarget, rec.valueUnit, lng),
            })}{' '}
            {rec.gap != null && (
              <strong className={rec.addsUp ? 'up' : 'down'}>
                {t('scorecard.reconciliationGap', { gap: formatDifference(rec.gap, rec.valueUnit, lng) })}
              </strong>
            )}
          </p>
        ) : (
          <p className="muted small" data-testid="reconciliation">{t('scorecard.reconciliationNone')}</p>
        )}
      </section>
      <section className="panel" aria-labelledby="checkin-title">
        <h2 id="checkin-title">{t('scorecard.checkin')}</h2>
        {checkin ? (
          <>
            <p className="small">
              {t('scorecard.checkinText', {
                kpi: t(`metrics.${checkin.metric}`, { defaultValue: checkin.metric }),
                date: formatDate(checkin.createdAt, lng),
                author: checkin.author,
              })}
              <StatusBadge status={checkin.status} compact />
            </p>
            {checkin.note && <blockquote className="score-summary__note">{checkin.note}</blockquote>}
          </>
        ) : (
          <p className="muted small">{t('scorecard.noCheckin')}</p>
        )}
      </section>
    </div>
  );
}

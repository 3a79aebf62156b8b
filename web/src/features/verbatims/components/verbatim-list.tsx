import { useTranslation } from 'react-i18next';
import { formatDate, formatInteger } from '../../../lib/format';
import type { VerbatimItem } from '../api/verbatim-view';

const tone: Record<string, string> = {
  PROMOTER: 'good',
  SATISFIED: 'good',
  EASY: 'good',
  PASSIVE: 'neutral',
  NEUTRAL: 'neutral',
  DETRACTOR: 'bad',
  DISSATISFIED: 'bad',
  HARD: 'bad',
};

/** One band badge: the band's word (never colour alone), with the score when the caller may see it. */
function Band({ survey, band, score }: { survey: 'nps' | 'csat' | 'ces'; band: string | null; score: number | null }) {
  const { t, i18n } = useTranslation();
  if (!band) return null;
  const word = t(`verbatims.bands.${survey}.${band}`);
  return (
    <span className={`band band--${tone[band] ?? 'neutral'}`} data-testid={`${survey}-band`}>
      {word}
      {score != null && <span className="band__score"> {t(`verbatims.score.${survey}`, { score: formatInteger(score, i18n.language) })}</span>}
    </span>
  );
}

export function VerbatimList({ items, start }: { items: VerbatimItem[]; start: number }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="verbatims" start={start} aria-label={t('verbatims.list')}>
      {items.map((v) => (
        <li key={v.id} className="verbatim" data-id={v.id}>
          <blockquote className="verbatim__comment">{v.comment}</blockquote>
          <div className="verbatim__meta">
            <Band survey="nps" band={v.npsBand} score={v.nps} />
            <Band survey="csat" band={v.csatBand} score={v.csat} />
            <Band survey="ces" band={v.cesBand} score={v.ces} />
            <span className="muted small">
              {t('verbatims.meta', {
                date: formatDate(v.respondedAt, i18n.language),
                unit: v.unitName ?? '–',
                channel: t(`slices.${v.channel}`, { defaultValue: v.channel }),
                stage: t(`slices.${v.journeyStage}`, { defaultValue: v.journeyStage }),
                segment: t(`slices.${v.segment}`, { defaultValue: v.segment }),
              })}
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
}

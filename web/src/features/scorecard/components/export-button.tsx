import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../../../lib/http';
import { tokenPermissions } from '../../../lib/permissions';
import { grainOf } from '../../../lib/period';
import { useSession } from '../../../lib/session';
import { downloadMonthlyReview } from '../api/download-monthly-review';

/**
 * "Export to Excel": the monthly review workbook of the unit and month on screen, in the app's language.
 * Shown only to callers whose token carries the export permission; quarters and years have no monthly review.
 */
export function ExportButton({ unit, period }: { unit: string; period: string }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!session || !tokenPermissions(session.token).includes('export')) return null;
  const isMonth = grainOf(period) === 'month';

  async function run() {
    if (!session) return;
    setBusy(true);
    setError(null);
    try {
      const { blob, fileName } = await downloadMonthlyReview(session.token, unit, period, i18n.language);
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = fileName;
      a.click();
      // Revoked on the next task: the click has started the download by then.
      setTimeout(() => URL.revokeObjectURL(href), 0);
    } catch (e) {
      setError(e instanceof ProblemError ? e.message : t('scorecard.exportFailed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="export-action">
      <button type="button" className="button" onClick={run} disabled={busy || !isMonth} aria-busy={busy}
        title={isMonth ? undefined : t('scorecard.exportMonthOnly')}>
        {busy ? t('scorecard.exporting') : t('scorecard.export')}
      </button>
      {!isMonth && <span className="muted small">{t('scorecard.exportMonthOnly')}</span>}
      {error && <p role="alert" className="export-error">{error}</p>}
    </div>
  );
}

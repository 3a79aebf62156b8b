import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { StatusBadge, type KpiStatus } from '../../../components/status-badge';
import { formatDate, formatPeriod } from '../../../lib/format';
import { fieldErrors } from '../api/field-errors';
import type { AdminKpi } from '../api/kpi-admin-view';
import { RecordCheckinMutation } from '../api/record-checkin';
import { Field } from './field';

const statuses: KpiStatus[] = ['ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'NO_DATA'];

/** A check-in for a month with a status and a note (department heads too), and the latest ones. */
export function CheckinForm({ kpi, month }: { kpi: AdminKpi; month: string }) {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState(month);
  const [status, setStatus] = useState<KpiStatus>('ON_TRACK');
  const [note, setNote] = useState('');
  const [result, record] = useMutation(RecordCheckinMutation);
  const [saved, setSaved] = useState(false);
  const errors = fieldErrors(result.error, t, i18n.language);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    const r = await record({ input: { kpi: kpi.id, periodStart: `${period}-01`, status, note: note.trim() || null } }, { additionalTypenames: ['Kpi', 'KpiCheckin', 'Scorecard'] });
    if (!r.error) {
      setSaved(true);
      setNote('');
    }
  }
  return (
    <div className="checkins">
      <form onSubmit={submit} noValidate aria-label={t('kpiAdmin.checkin')}>
        <div className="kpi-form__row">
          <Field label={t('kpiAdmin.month')} error={errors['input.periodStart']}>
            {(p) => <input {...p} type="month" value={period} onChange={(e) => setPeriod(e.target.value)} />}
          </Field>
          <Field label={t('scorecard.status')} error={errors['input.status']}>
            {(p) => (
              <select {...p} value={status} onChange={(e) => setStatus(e.target.value as KpiStatus)}>
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={t('kpiAdmin.note')} error={errors['input.note']}>
          {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        {(errors[''] || errors['input']) && (
          <p className="field__error" role="alert">
            {[errors[''], errors['input']].filter(Boolean).join('; ')}
          </p>
        )}
        {saved && (
          <p className="small" role="status">
            {t('kpiAdmin.saved')}
          </p>
        )}
        <button type="submit" disabled={result.fetching}>
          {t('kpiAdmin.recordCheckin')}
        </button>
      </form>
      {kpi.checkins.length === 0 ? (
        <p className="muted small">{t('scorecard.noCheckin')}</p>
      ) : (
        <ul className="checkins__list">
          {kpi.checkins.map((c) => (
            <li key={c.id}>
              <StatusBadge status={c.status as KpiStatus} compact /> {formatPeriod(c.periodStart.slice(0, 7), i18n.language)} · {c.author} · {formatDate(c.createdAt, i18n.language)}
              {c.note && <p className="small">{c.note}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

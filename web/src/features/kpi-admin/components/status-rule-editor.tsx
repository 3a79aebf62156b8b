import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultRule, moveLine, parseCell, ruleMeasures, ruleStatuses, type RuleLine } from '../api/kpi-admin-view';

/** The API's errors for a rule (input.statusRule, input.statusRule[2], input.statusRule[2].min, …) by where they show. */
function lineErrors(errors: Record<string, string>, i: number) {
  const at = (suffix: string) => errors[`input.statusRule[${i}]${suffix}`];
  return { line: at(''), status: at('.status'), measure: at('.measure'), min: at('.min'), max: at('.max') };
}

/**
 * An ordered status rule (the first condition that matches gives the status): each condition's status, measure and
 * bounds, added, removed and moved; "Restore the default" goes back to the API's default (null, no rule of its own).
 * Controlled: <paramref name="lines"/> null is the default rule. The API's errors show at their condition and field.
 */
export function StatusRuleEditor({ lines, onChange, errors }: { lines: RuleLine[] | null; onChange: (lines: RuleLine[] | null) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const id = useId();
  const summary = (rule: RuleLine[]) =>
    rule
      .map((l) =>
        l.measure === 'ALWAYS'
          ? t('kpiAdmin.ruleOtherwise', { status: t(`status.${l.status}`) })
          : `${t(`status.${l.status}`)}: ${t(`kpiAdmin.measures.${l.measure}`)} ${l.min || '…'} – ${l.max || '…'}`,
      )
      .join(' · ');
  const set = (i: number, change: Partial<RuleLine>) => onChange(lines!.map((l, j) => (j === i ? { ...l, ...change } : l)));
  const general = errors['input.statusRule'];
  return (
    <fieldset className="rule-editor" aria-describedby={general ? `${id}-error` : undefined}>
      <legend>{t('kpiAdmin.rule')}</legend>
      <p className="small muted">{t('kpiAdmin.ruleHelp')}</p>
      {lines === null ? (
        <div className="rule-editor__default">
          <p className="small" data-testid="rule-default">
            <strong>{t('kpiAdmin.ruleDefault')}</strong> {summary(defaultRule)}
          </p>
          <button type="button" className="button--secondary" onClick={() => onChange(defaultRule.map((l) => ({ ...l })))}>
            {t('kpiAdmin.ruleCustomise')}
          </button>
        </div>
      ) : (
        <>
          <table className="table table--compact rule-table">
            <caption className="visually-hidden">{t('kpiAdmin.rule')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">#</th>
                <th scope="col">{t('kpiAdmin.ruleStatus')}</th>
                <th scope="col">{t('kpiAdmin.ruleMeasure')}</th>
                <th scope="col">{t('kpiAdmin.ruleMin')}</th>
                <th scope="col">{t('kpiAdmin.ruleMax')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('kpiAdmin.ruleActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => {
                const e = lineErrors(errors, i);
                const n = i + 1;
                const always = l.measure === 'ALWAYS';
                const bound = (key: 'min' | 'max') => {
                  const local = !always && parseCell(l[key]) === 'invalid' ? t('kpiAdmin.notANumber') : undefined;
                  const err = local ?? e[key];
                  return (
                    <td>
                      <input
                        aria-label={t(key === 'min' ? 'kpiAdmin.ruleMinOf' : 'kpiAdmin.ruleMaxOf', { n })}
                        inputMode="decimal"
                        value={always ? '' : l[key]}
                        disabled={always}
                        aria-invalid={!!err}
                        aria-describedby={err ? `${id}-${i}-${key}` : undefined}
                        onChange={(ev) => set(i, { [key]: ev.target.value })}
                      />
                      {err && (
                        <p className="field__error" id={`${id}-${i}-${key}`}>
                          {err}
                        </p>
                      )}
                    </td>
                  );
                };
                return [
                  <tr key={`line-${i}`} data-line={i} className={e.line ? 'rule-table__row--error' : undefined}>
                    <td className="num">{n}</td>
                    <td>
                      <select
                        aria-label={t('kpiAdmin.ruleStatusOf', { n })}
                        value={l.status}
                        aria-invalid={!!e.status}
                        aria-describedby={e.status ? `${id}-${i}-status` : e.line ? `${id}-${i}-line` : undefined}
                        onChange={(ev) => set(i, { status: ev.target.value as RuleLine['status'] })}
                      >
                        {ruleStatuses.map((s) => (
                          <option key={s} value={s}>
                            {t(`status.${s}`)}
                          </option>
                        ))}
                      </select>
                      {e.status && (
                        <p className="field__error" id={`${id}-${i}-status`}>
                          {e.status}
                        </p>
                      )}
                    </td>
                    <td>
                      <select
                        aria-label={t('kpiAdmin.ruleMeasureOf', { n })}
                        value={l.measure}
                        aria-invalid={!!e.measure}
                        onChange={(ev) => set(i, { measure: ev.target.value as RuleLine['measure'] })}
                      >
                        {ruleMeasures.map((m) => (
                          <option key={m} value={m}>
                            {t(`kpiAdmin.measures.${m}`)}
                          </option>
                        ))}
                      </select>
                      {e.measure && <p className="field__error">{e.measure}</p>}
                    </td>
                    {bound('min')}
                    {bound('max')}
                    <td className="rule-table__actions">
                      <button type="button" className="button--icon" aria-label={t('kpiAdmin.ruleUp', { n })} disabled={i === 0} onClick={() => onChange(moveLine(lines, i, -1))}>
                        ↑
                      </button>
                      <button type="button" className="button--icon" aria-label={t('kpiAdmin.ruleDown', { n })} disabled={i === lines.length - 1} onClick={() => onChange(moveLine(lines, i, 1))}>
                        ↓
                      </button>
                      <button type="button" className="button--icon" aria-label={t('kpiAdmin.ruleRemove', { n })} onClick={() => onChange(lines.filter((_, j) => j !== i))}>
                        ×
                      </button>
                    </td>
                  </tr>,
                  e.line ? (
                    <tr key={`error-${i}`} className="rule-table__error">
                      <td colSpan={6}>
                        <p className="field__error" id={`${id}-${i}-line`} data-testid={`rule-line-error-${i}`}>
                          {t('kpiAdmin.ruleLineError', { n, error: e.line })}
                        </p>
                      </td>
                    </tr>
                  ) : null,
                ];
              })}
            </tbody>
          </table>
          <div className="rule-editor__actions">
            <button type="button" className="button--secondary" onClick={() => onChange([...lines, { status: 'OFF_TRACK', measure: 'ALWAYS', min: '', max: '' }])}>
              {t('kpiAdmin.ruleAdd')}
            </button>
            <button type="button" className="button--secondary" onClick={() => onChange(null)}>
              {t('kpiAdmin.ruleRestore')}
            </button>
          </div>
        </>
      )}
      {general && (
        <p className="field__error" id={`${id}-error`} data-testid="rule-error">
          {general}
        </p>
      )}
    </fieldset>
  );
}

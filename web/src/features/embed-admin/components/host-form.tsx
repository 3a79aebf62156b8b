import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { embedPermissions, embedViews, splitList } from '../api/host-applications';

export interface HostInput {
  name: string;
  origins: string[];
  grantUnits: string[];
  grantPartners: string[];
  views: string[];
  permissions: string[];
}

/** Registering a host application: name, allowed origins, the widest grant, views and permissions. */
export function HostForm({ busy, onSubmit }: { busy: boolean; onSubmit: (input: HostInput) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [units, setUnits] = useState('');
  const [partners, setPartners] = useState('');
  const [views, setViews] = useState<string[]>(['scorecard']);
  const [permissions, setPermissions] = useState<string[]>(['view', 'drill']);
  // Placeholders read as examples ("e.g. …", muted) so an empty field never looks filled in.
  const example = (value: string) => t('embedAdmin.example', { value });
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value));

  return (
    <form
      className="host-form"
      aria-label={t('embedAdmin.register')}
      onSubmit={async (e) => {
        e.preventDefault();
        const ok = await onSubmit({
          name: name.trim(),
          origins: splitList(origins),
          grantUnits: splitList(units),
          grantPartners: splitList(partners),
          views: embedViews.filter((v) => views.includes(v)),
          permissions: embedPermissions.filter((p) => permissions.includes(p)),
        });
        if (ok) {
          setName('');
          setOrigins('');
          setUnits('');
          setPartners('');
        }
      }}
    >
      <label>
        {t('embedAdmin.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={example('Retail intranet')} required />
      </label>
      <label>
        {t('embedAdmin.origins')}
        <textarea value={origins} onChange={(e) => setOrigins(e.target.value)} rows={2} placeholder={example('https://intranet.example.com')} required />
      </label>
      <label>
        {t('embedAdmin.grantUnits')}
        <input value={units} onChange={(e) => setUnits(e.target.value)} placeholder={example('DIV-CARE, DEP-RETAIL-STORES')} />
      </label>
      <label>
        {t('embedAdmin.grantPartners')}
        <input value={partners} onChange={(e) => setPartners(e.target.value)} placeholder={example('PRT-ACME')} />
      </label>
      <fieldset>
        <legend>{t('embedAdmin.views')}</legend>
        {embedViews.map((v) => (
          <label key={v} className="host-form__check">
            <input type="checkbox" checked={views.includes(v)} onChange={(e) => setViews(toggle(views, v, e.target.checked))} />
            {t(`embedAdmin.view.${v}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('embedAdmin.permissions')}</legend>
        {embedPermissions.map((p) => (
          <label key={p} className="host-form__check">
            <input type="checkbox" checked={permissions.includes(p)} onChange={(e) => setPermissions(toggle(permissions, p, e.target.checked))} />
            {t(`embedAdmin.permission.${p}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy}>
        {t('embedAdmin.registerButton')}
      </button>
    </form>
  );
}

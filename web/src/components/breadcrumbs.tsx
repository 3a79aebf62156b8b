import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export interface Crumb {
  name: string;
  /** Absent for ancestors outside the caller's scope: shown by name only, never a link. */
  to?: string;
}

export function Breadcrumbs({ items, current }: { items: Crumb[]; current: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('common.breadcrumbs')} className="breadcrumbs">
      <ol>
        {items.map((c, i) => (
          <li key={i}>
            {c.to ? <Link to={c.to}>{c.name}</Link> : <span className="muted" title={t('common.outsideScope', { name: c.name })}>{c.name}</span>}
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The screen's heading, also used as the browser tab's title (WCAG 2.4.2): with several tabs open, or in the
 * history list, each screen says which unit and view it is.
 */
export function PageHeading({ children }: { children: string }) {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = children === app ? app : `${children} · ${app}`;
  }, [children, app]);
  return <h1>{children}</h1>;
}

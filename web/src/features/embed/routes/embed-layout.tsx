import { useEffect, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Provider as UrqlProvider } from 'urql';
import { asList, decodeEmbedToken, EmbedContext, getEmbedToken, postToHost, setEmbedToken, type EmbedClaims, type EmbedState } from '../../../lib/embed';
import { createEmbedClient } from '../../../lib/embed-client';
import { i18n } from '../../../lib/i18n';
import '../components/embed.css';
import { PageHeading } from '../../../components/page-heading';
import { LockIcon } from '../../../components/lock-icon';

type Phase = 'waiting' | 'ready' | 'expired' | 'refused';

/**
 * Embed mode (issue 17): the app without its chrome, reading with the embed token only. The token comes in the URL
 * (then leaves it) or by postMessage after `cx:ready`; before it runs out the frame asks the host for a fresh one
 * (`cx:token-request`) and swaps it without reloading; an expired token shows a message, not a broken page. Links to
 * other units stay inside the frame when the token may drill, and are reported to the host (`cx:unit-clicked`).
 */
export function EmbedLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  // The token in the URL is taken once, before the first render (it then leaves the URL, below).
  const [claims, setClaims] = useState<EmbedClaims | null>(() => {
    const fromUrl = new URLSearchParams(window.location.search).get('token');
    const c = fromUrl ? decodeEmbedToken(fromUrl) : null;
    if (fromUrl && c) setEmbedToken(fromUrl);
    applyLocale(c);
    return c;
  });
  const [phase, setPhase] = useState<Phase>(() => (!claims ? 'waiting' : claims.exp * 1000 <= Date.now() ? 'expired' : 'ready'));
  const [client] = useState(() => createEmbedClient((expired) => setPhase(expired ? 'expired' : 'refused')));
  const origins = useMemo(() => asList(claims?.origin), [claims]);

  useEffect(() => {
    const params = new URLSearchParams(location.search);
    if (params.has('token')) {
      params.delete('token');
      navigate({ pathname: location.pathname, search: params.toString() ? `?${params}` : '' }, { replace: true });
    } else if (!getEmbedToken()) {
      window.parent.postMessage({ type: 'cx:ready' }, '*'); // holds nothing: asks for a token
    }
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || event.data?.type !== 'cx:token' || typeof event.data.token !== 'string') return;
      const c = decodeEmbedToken(event.data.token);
      // Only a page the token names may hand the frame its tokens.
      if (!c || !asList(c.origin).includes(event.origin)) return;
      setEmbedToken(event.data.token);
      applyLocale(c);
      setClaims(c);
      setPhase(c.exp * 1000 <= Date.now() ? 'expired' : 'ready');
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
    // once, on mount: later navigations inside the frame keep the same token and listener
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Before expiry (at 80% of what is left), ask the host for a fresh token; at expiry, say so.
  useEffect(() => {
    if (!claims) return;
    const left = claims.exp * 1000 - Date.now();
    const ask = window.setTimeout(() => postToHost({ type: 'cx:token-request', expiresAt: claims.exp }, origins), Math.max(0, left * 0.8));
    const end = window.setTimeout(() => {
      setPhase('expired');
      postToHost({ type: 'cx:error', code: 'expired', message: 'The embed token expired and was not renewed.' }, origins);
    }, Math.max(0, left));
    return () => {
      window.clearTimeout(ask);
      window.clearTimeout(end);
    };
  }, [claims, origins]);

  // The frame follows its content's height.
  useEffect(() => {
    if (origins.length === 0) return;
    const observer = new ResizeObserver(() => postToHost({ type: 'cx:resize', height: document.documentElement.scrollHeight }, origins));
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [origins]);

  useEffect(() => {
    if (phase === 'refused') postToHost({ type: 'cx:error', code: 'refused', message: 'The embed token was refused.' }, origins);
  }, [phase, origins]);

  const state: EmbedState | null = useMemo(
    () =>
      claims
        ? {
            claims,
            canDrill: asList(claims.permission).includes('drill'),
            lockedPeriod: claims.lock_period ?? null,
            partner: claims.view === 'partner' ? (asList(claims.scope_partner)[0] ?? null) : null,
          }
        : null,
    [claims],
  );

  // Links to units stay in the frame (and in the token's scope, which the server enforces) when drilling is allowed;
  // a link to a partner's page stays in the frame too (the partner view's own page: another partner reads as not in scope).
  const onClickCapture = (e: React.MouseEvent) => {
    const a = (e.target as HTMLElement).closest('a');
    const href = a?.getAttribute('href');
    if (!a || !href) return;
    e.preventDefault();
    const p = /^(?:\/embed)?\/partners\/([^/?#]+)(\?[^#]*)?/.exec(href);
    if (p) {
      const q = new URLSearchParams(p[2] ?? '');
      if (state?.lockedPeriod) q.set('period', state.lockedPeriod);
      navigate(`/embed/partners/${p[1]}?${q}`);
      return;
    }
    const m = /^\/units\/([^/?#]+)\/(scorecard|cascade|process)(\?[^#]*)?/.exec(href);
    if (!m) return;
    postToHost({ type: 'cx:unit-clicked', unit: decodeURIComponent(m[1]) }, origins);
    if (state?.canDrill) {
      const q = new URLSearchParams(m[3] ?? '');
      if (state.lockedPeriod) q.set('period', state.lockedPeriod);
      navigate(`/embed/units/${m[1]}/${m[2]}?${q}`);
    }
  };

  if (phase === 'expired' || phase === 'refused') {
    return (
      <div className="embed__message" role="alert" data-testid={`embed-${phase}`}>
        <PageHeading>{t(phase === 'expired' ? 'embed.expiredTitle' : 'embed.refusedTitle')}</PageHeading>
        <p>{t(phase === 'expired' ? 'embed.expiredText' : 'embed.refusedText')}</p>
      </div>
    );
  }
  if (!state) return <div className="embed__message" aria-busy="true">{t('embed.waiting')}</div>;
  return (
    <EmbedContext.Provider value={state}>
      <UrqlProvider value={client}>
        <div className="embed" data-testid="embed" onClickCapture={onClickCapture}>
          <Locks claims={state.claims} partner={state.partner} />
          {/* The partner view drilled into an engagement: the way back to the partner's page. */}
          {state.partner && location.pathname.startsWith('/embed/units/') && (
            <p className="embed__back small">
              <a href={`/partners/${encodeURIComponent(state.partner)}${location.search}`}>{t('embed.backToPartner', { partner: state.partner })}</a>
            </p>
          )}
          <Outlet />
        </div>
      </UrqlProvider>
    </EmbedContext.Provider>
  );
}

function Locks({ claims, partner }: { claims: EmbedClaims; partner: string | null }) {
  const { t } = useTranslation();
  const locks = [
    partner && [t('embed.partner'), partner],
    claims.lock_unit && [t('embed.unit'), claims.lock_unit],
    claims.lock_period && [t('embed.period'), claims.lock_period],
    claims.lock_slice && [t('embed.slice'), claims.lock_slice.replace('=', ' = ')],
  ].filter(Boolean) as [string, string][];
  if (locks.length === 0) return null;
  return (
    <p className="embed__locks" aria-label={t('embed.locked')} data-testid="embed-locks">
      {locks.map(([label, value]) => (
        <span key={label} className="embed__lock">
          <LockIcon /> {label}: {value}
        </span>
      ))}
    </p>
  );
}

function applyLocale(claims: EmbedClaims | null) {
  if (claims?.locale && claims.locale !== i18n.language) void i18n.changeLanguage(claims.locale);
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { EmptyState, ErrorState } from '../../../components/error-state';
import { graphQLErrorText } from '../../../lib/api-errors';
import { Skeleton } from '../../../components/skeleton';
import { formatDate } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { HostApplicationsQuery, IssueKeyMutation, RegisterHostMutation, RevokeKeyMutation, RotateKeyMutation, SetHostDisabledMutation } from '../api/host-applications';
import { HostForm, type HostInput } from '../components/host-form';
import { HostProblems } from '../components/host-problems';
import { NewKey } from '../components/new-key';
import '../components/embed-admin.css';
import { PageHeading } from '../../../components/page-heading';

type Host = NonNullable<ReturnType<typeof useHosts>['hosts']>[number];
type Issued = { hostId: string; keyId: string; key: string };

function useHosts() {
  const [{ data, error, fetching }, refetch] = useQuery({ query: HostApplicationsQuery, requestPolicy: 'cache-and-network' });
  return { hosts: data?.hostApplications, error, fetching, refetch: () => refetch({ requestPolicy: 'network-only' }) };
}

/**
 * Host applications for embedding (issue 17, analysts): register one (name, allowed origins, the widest grant, views,
 * permissions), issue API keys (the secret is shown once), revoke them, rotate them with an overlap, disable a host.
 * Everything goes through the GraphQL mutations, which check the role and that a grant lies inside the caller's scope.
 */
export function EmbedAdminRoute() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const { hosts, error, fetching, refetch } = useHosts();
  const [register, registerRun] = useMutation(RegisterHostMutation);
  const [, issue] = useMutation(IssueKeyMutation);
  const [, revoke] = useMutation(RevokeKeyMutation);
  const [, rotate] = useMutation(RotateKeyMutation);
  const [, setDisabled] = useMutation(SetHostDisabledMutation);
  const [issued, setIssued] = useState<Issued | null>(null);
  // The refused call's error, said in the reader's language while rendering (a language switch re-says it).
  const [problem, setProblem] = useState<CombinedError | null>(null);

  // Every mutation's error is shown, and the list read again after a change (keys' dates come from the server).
  const run = async <T,>(call: () => Promise<{ error?: CombinedError; data?: T }>) => {
    setProblem(null);
    const result = await call();
    if (result.error) {
      setProblem(result.error);
      return null;
    }
    refetch();
    return result.data ?? null;
  };

  const onRegister = async (input: HostInput) => !!(await run(() => registerRun({ input })));

  if (session && session.role !== 'analyst') {
    return (
      <div className="page">
        <PageHeading>{t('embedAdmin.title')}</PageHeading>
        <EmptyState>{t('embedAdmin.analystsOnly')}</EmptyState>
      </div>
    );
  }

  return (
    <div className="page page--wide" aria-busy={fetching}>
      <PageHeading>{t('embedAdmin.title')}</PageHeading>
      <p className="muted">{t('embedAdmin.intro')}</p>
      {problem && <HostProblems error={problem} />}
      {issued && (
        <NewKey
          keyId={issued.keyId}
          secret={issued.key}
          hostName={hosts?.find((h) => h.id === issued.hostId)?.name ?? issued.hostId}
          onDismiss={() => setIssued(null)}
        />
      )}
      <h2>{t('embedAdmin.register')}</h2>
      <HostForm busy={register.fetching} onSubmit={onRegister} />
      <h2>{t('embedAdmin.hosts')}</h2>
      {error ? (
        <ErrorState message={graphQLErrorText(t, i18n.language, error)} onRetry={refetch} />
      ) : !hosts ? (
        <Skeleton label={t('common.loading')} rows={2} height={120} />
      ) : hosts.length === 0 ? (
        <EmptyState>{t('embedAdmin.noHosts')}</EmptyState>
      ) : (
        hosts.map((h) => (
          <HostCard
            key={h.id}
            host={h}
            onIssue={async () => {
              const d = await run(() => issue({ host: h.id }));
              if (d?.issueApiKey) setIssued(d.issueApiKey);
            }}
            onRevoke={async (keyId) => {
              if (window.confirm(t('embedAdmin.revokeConfirm', { keyId }))) await run(() => revoke({ keyId }));
            }}
            onRotate={async (keyId, overlapHours) => {
              const d = await run(() => rotate({ keyId, overlapHours }));
              if (d?.rotateApiKey) setIssued(d.rotateApiKey);
            }}
            onDisable={async (disabled) => {
              await run(() => setDisabled({ id: h.id, disabled }));
            }}
          />
        ))
      )}
    </div>
  );
}

function HostCard({
  host: h,
  onIssue,
  onRevoke,
  onRotate,
  onDisable,
}: {
  host: Host;
  onIssue: () => void;
  onRevoke: (keyId: string) => void;
  onRotate: (keyId: string, overlapHours: number) => void;
  onDisable: (disabled: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [overlap, setOverlap] = useState(24);
  const date = (iso: string | null | undefined) => (iso ? formatDate(iso, lng) : '–');
  const list = (items: string[]) => (items.length ? items.join(', ') : '–');
  return (
    <section className={`host-card${h.disabledAt ? ' host-card--disabled' : ''}`} aria-label={h.name} data-testid="host-card">
      <h3>
        {h.name} {h.disabledAt && <span className="mark">{t('embedAdmin.disabled')}</span>}
      </h3>
      <dl>
        <dt>{t('embedAdmin.originsList')}</dt>
        <dd>{list(h.origins)}</dd>
        <dt>{t('embedAdmin.grantUnitsList')}</dt>
        <dd>{list(h.grantUnits)}</dd>
        <dt>{t('embedAdmin.grantPartnersList')}</dt>
        <dd>{list(h.grantPartners)}</dd>
        <dt>{t('embedAdmin.views')}</dt>
        <dd>{list(h.views.map((v) => t(`embedAdmin.view.${v}`, { defaultValue: v })))}</dd>
        <dt>{t('embedAdmin.permissions')}</dt>
        <dd>{list(h.permissions.map((p) => t(`embedAdmin.permission.${p}`, { defaultValue: p })))}</dd>
      </dl>
      <table className="key-table">
        <caption className="visually-hidden">{t('embedAdmin.keysOf', { host: h.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('embedAdmin.keyId')}</th>
            <th scope="col">{t('embedAdmin.issued')}</th>
            <th scope="col">{t('embedAdmin.state')}</th>
            <th scope="col">{t('embedAdmin.lastUsed')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('embedAdmin.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {h.keys.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {t('embedAdmin.noKeys')}
              </td>
            </tr>
          )}
          {h.keys.map((k) => {
            const usable = !k.revokedAt && !(k.expiresAt && new Date(k.expiresAt) <= new Date());
            return (
              <tr key={k.keyId} data-key={k.keyId}>
                <th scope="row">
                  <code>{k.keyId}</code>
                </th>
                <td>{date(k.createdAt)}</td>
                <td>
                  {k.revokedAt
                    ? t('embedAdmin.revokedOn', { date: date(k.revokedAt) })
                    : k.expiresAt
                      ? t('embedAdmin.overlapUntil', { date: date(k.expiresAt) })
                      : t('embedAdmin.active')}
                </td>
                <td>{date(k.lastUsedAt)}</td>
                <td className="host-card__actions">
                  {usable && (
                    <>
                      <button type="button" className="button--outline" onClick={() => onRevoke(k.keyId)}>
                        {t('embedAdmin.revoke', { keyId: k.keyId })}
                      </button>
                      {!k.expiresAt && (
                        <button type="button" className="button--outline" onClick={() => onRotate(k.keyId, overlap)}>
                          {t('embedAdmin.rotate', { keyId: k.keyId })}
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="host-card__actions">
        <button type="button" onClick={onIssue} disabled={!!h.disabledAt}>
          {t('embedAdmin.issue')}
        </button>
        <label className="overlap">
          {t('embedAdmin.overlapHours')}
          <input type="number" min={0} max={720} value={overlap} onChange={(e) => setOverlap(Number(e.target.value))} />
        </label>
        <button type="button" className="button--outline" onClick={() => onDisable(!h.disabledAt)}>
          {h.disabledAt ? t('embedAdmin.enable') : t('embedAdmin.disable')}
        </button>
      </div>
    </section>
  );
}

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { server, setupMswServer } from '../../../testing/msw';
import { renderRoute } from '../../../testing/render';
import { i18n } from '../../../lib/i18n';
import { saveSession } from '../../../lib/session';
import { EmbedAdminRoute } from './embed-admin';

setupMswServer();
const route = { path: '/admin/embedding', element: <EmbedAdminRoute /> };

type Key = { keyId: string; createdAt: string; expiresAt: string | null; revokedAt: string | null; lastUsedAt: string | null };
type Host = { id: string; name: string; origins: string[]; grantUnits: string[]; grantPartners: string[]; views: string[]; permissions: string[]; createdAt: string; disabledAt: string | null; keys: Key[] };

const intranet: Host = {
  id: '1',
  name: 'Intranet',
  origins: ['https://intranet.example.com'],
  grantUnits: ['DIV-CARE'],
  grantPartners: [],
  views: ['scorecard', 'cascade'],
  permissions: ['view', 'drill'],
  createdAt: '2026-11-02T10:00:00Z',
  disabledAt: null,
  keys: [
    { keyId: 'k_old', createdAt: '2026-11-02T10:00:00Z', expiresAt: null, revokedAt: null, lastUsedAt: '2026-11-20T08:00:00Z' },
    { keyId: 'k_gone', createdAt: '2026-11-01T10:00:00Z', expiresAt: null, revokedAt: '2026-11-03T10:00:00Z', lastUsedAt: null },
  ],
};

/** A small in-memory registry behind the mutations, so the screen's re-reads show what the mutations did. */
function registry() {
  const hosts = [structuredClone(intranet)];
  const calls: { op: string; variables: Record<string, unknown> }[] = [];
  server.use(
    graphql.query('HostApplications', () => HttpResponse.json({ data: { hostApplications: hosts } })),
    graphql.mutation('RegisterHostApplication', ({ variables }) => {
      calls.push({ op: 'register', variables });
      const input = variables.input as Host;
      if (input.grantUnits.includes('CO')) {
        return HttpResponse.json({ data: null, errors: [{ message: 'The grant CO lies outside your scope.', extensions: { code: 'FORBIDDEN' } }] });
      }
      const host = { ...intranet, ...input, id: String(hosts.length + 1), keys: [] };
      hosts.push(host);
      return HttpResponse.json({ data: { registerHostApplication: host } });
    }),
    graphql.mutation('IssueApiKey', ({ variables }) => {
      calls.push({ op: 'issue', variables });
      const host = hosts.find((h) => h.id === variables.host)!;
      host.keys.push({ keyId: 'k_new', createdAt: '2026-12-04T10:00:00Z', expiresAt: null, revokedAt: null, lastUsedAt: null });
      return HttpResponse.json({ data: { issueApiKey: { hostId: host.id, keyId: 'k_new', key: 'cxk_k_new.s3cr3t-once', createdAt: '2026-12-04T10:00:00Z' } } });
    }),
    graphql.mutation('RevokeApiKey', ({ variables }) => {
      calls.push({ op: 'revoke', variables });
      hosts[0].keys.find((k) => k.keyId === variables.keyId)!.revokedAt = '2026-12-04T11:00:00Z';
      return HttpResponse.json({ data: { revokeApiKey: true } });
    }),
    graphql.mutation('RotateApiKey', ({ variables }) => {
      calls.push({ op: 'rotate', variables });
      const old = hosts[0].keys.find((k) => k.keyId === variables.keyId)!;
      old.expiresAt = '2026-12-06T10:00:00Z';
      hosts[0].keys.push({ keyId: 'k_rot', createdAt: '2026-12-04T10:00:00Z', expiresAt: null, revokedAt: null, lastUsedAt: null });
      return HttpResponse.json({ data: { rotateApiKey: { hostId: '1', keyId: 'k_rot', key: 'cxk_k_rot.rotated-secret', createdAt: '2026-12-04T10:00:00Z' } } });
    }),
    graphql.mutation('SetHostApplicationDisabled', ({ variables }) => {
      calls.push({ op: 'disable', variables });
      hosts[0].disabledAt = variables.disabled ? '2026-12-04T12:00:00Z' : null;
      return HttpResponse.json({ data: { setHostApplicationDisabled: hosts[0] } });
    }),
  );
  return { hosts, calls };
}

function asAnalyst() {
  const view = renderRoute(route, '/admin/embedding');
  saveSession({ token: 'test-token', persona: 'analyst', name: 'Ana Analyst', role: 'analyst' });
  return view;
}

describe('embedding admin screen', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists the hosts with their origins, grant, views and keys, revoked keys without actions', async () => {
    registry();
    asAnalyst();
    const card = await screen.findByRole('region', { name: 'Intranet' });
    expect(card).toHaveTextContent('https://intranet.example.com');
    expect(card).toHaveTextContent('DIV-CARE');
    expect(card).toHaveTextContent('Scorecard, Cascade');
    const gone = card.querySelector('tr[data-key="k_gone"]')!;
    expect(gone).toHaveTextContent('revoked');
    expect(within(gone as HTMLElement).queryByRole('button')).toBeNull();
    expect(within(card).getByRole('button', { name: 'Revoke k_old' })).toBeInTheDocument();
  });

  it("the form's fields start empty, each with a visible label and a placeholder that reads as an example", async () => {
    registry();
    asAnalyst();
    await screen.findByRole('region', { name: 'Intranet' });
    const form = screen.getByRole('form', { name: 'Register a host application' });

    const fields = [
      ['Name of the host application', 'e.g. Retail intranet'],
      ['Allowed origins (one per line)', 'e.g. https://intranet.example.com'],
      ['Org units it may grant (codes, comma-separated)', 'e.g. DIV-CARE, DEP-RETAIL-STORES'],
      ['Partners it may grant (codes, comma-separated)', 'e.g. PRT-ACME'],
    ];
    for (const [label, example] of fields) {
      const input = within(form).getByLabelText(label) as HTMLInputElement;
      expect(input).toHaveValue('');
      expect(input).toHaveAttribute('placeholder', example);
      const text = within(form).getByText(label);
      expect(text).toBeVisible();
      expect(text.closest('.visually-hidden')).toBeNull();
    }
  });

  it('registers a host from the form and shows it; a grant outside the scope shows the API error and adds nothing', async () => {
    const { calls, hosts } = registry();
    asAnalyst();
    await screen.findByRole('region', { name: 'Intranet' });
    const form = screen.getByRole('form', { name: 'Register a host application' });
    fireEvent.change(within(form).getByLabelText('Name of the host application'), { target: { value: 'Partner portal' } });
    fireEvent.change(within(form).getByLabelText('Allowed origins (one per line)'), { target: { value: 'https://portal.acme.test\nhttps://acme.test' } });
    fireEvent.change(within(form).getByLabelText('Partners it may grant (codes, comma-separated)'), { target: { value: 'PRT-ACME' } });
    fireEvent.click(within(form).getByLabelText('Partner page'));
    fireEvent.click(within(form).getByLabelText('Scorecard'));
    fireEvent.click(within(form).getByRole('button', { name: 'Register' }));

    expect(await screen.findByRole('region', { name: 'Partner portal' })).toHaveTextContent('https://portal.acme.test, https://acme.test');
    expect(calls[0].variables.input).toEqual({
      name: 'Partner portal',
      origins: ['https://portal.acme.test', 'https://acme.test'],
      grantUnits: [],
      grantPartners: ['PRT-ACME'],
      views: ['partner'],
      permissions: ['view', 'drill'],
    });

    fireEvent.change(within(form).getByLabelText('Name of the host application'), { target: { value: 'Too wide' } });
    fireEvent.change(within(form).getByLabelText('Allowed origins (one per line)'), { target: { value: 'https://x.test' } });
    fireEvent.change(within(form).getByLabelText('Org units it may grant (codes, comma-separated)'), { target: { value: 'CO' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Register' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The grant CO lies outside your scope.');
    expect(hosts).toHaveLength(2);
    expect(screen.queryByRole('region', { name: 'Too wide' })).toBeNull();
  });

  it('shows an issued key once: dismissed, its secret is nowhere on the page', async () => {
    const { calls } = registry();
    asAnalyst();
    const card = await screen.findByRole('region', { name: 'Intranet' });
    fireEvent.click(within(card).getByRole('button', { name: 'Issue an API key' }));

    const shown = await screen.findByTestId('new-key');
    expect(within(shown).getByTestId('new-key-secret')).toHaveTextContent('cxk_k_new.s3cr3t-once');
    expect(shown).toHaveTextContent('only time the key is shown');
    expect(calls).toEqual([{ op: 'issue', variables: { host: '1' } }]);
    await waitFor(() => expect(card.querySelector('tr[data-key="k_new"]')).not.toBeNull());

    fireEvent.click(within(shown).getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByTestId('new-key')).toBeNull();
    expect(document.body.textContent).not.toContain('s3cr3t-once');
  });

  it('rotates a key with the overlap asked for, shows the new secret once and the old key until the overlap ends', async () => {
    const { calls } = registry();
    asAnalyst();
    const card = await screen.findByRole('region', { name: 'Intranet' });
    fireEvent.change(within(card).getByLabelText('Overlap when rotating (hours)'), { target: { value: '48' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Rotate k_old' }));

    expect(await screen.findByTestId('new-key-secret')).toHaveTextContent('cxk_k_rot.rotated-secret');
    expect(calls).toEqual([{ op: 'rotate', variables: { keyId: 'k_old', overlapHours: 48 } }]);
    await waitFor(() => expect(card.querySelector('tr[data-key="k_old"]')).toHaveTextContent('rotated out, works until'));
    // a rotated-out key can still be revoked at once, not rotated again
    const old = card.querySelector('tr[data-key="k_old"]') as HTMLElement;
    expect(within(old).getByRole('button', { name: 'Revoke k_old' })).toBeInTheDocument();
    expect(within(old).queryByRole('button', { name: 'Rotate k_old' })).toBeNull();
  });

  it('revokes a key after confirmation and not without it', async () => {
    const { calls } = registry();
    asAnalyst();
    const card = await screen.findByRole('region', { name: 'Intranet' });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);

    fireEvent.click(within(card).getByRole('button', { name: 'Revoke k_old' }));
    expect(calls).toEqual([]);
    fireEvent.click(within(card).getByRole('button', { name: 'Revoke k_old' }));
    await waitFor(() => expect(calls).toEqual([{ op: 'revoke', variables: { keyId: 'k_old' } }]));
    await waitFor(() => expect(card.querySelector('tr[data-key="k_old"]')).toHaveTextContent('revoked'));
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('disables a host (its key button goes) and tells other roles the screen is for analysts', async () => {
    const { calls } = registry();
    asAnalyst();
    const card = await screen.findByRole('region', { name: 'Intranet' });
    fireEvent.click(within(card).getByRole('button', { name: 'Disable host' }));
    await waitFor(() => expect(within(card).getByRole('button', { name: 'Issue an API key' })).toBeDisabled());
    expect(calls).toEqual([{ op: 'disable', variables: { id: '1', disabled: true } }]);
    expect(within(card).getByRole('button', { name: 'Enable host' })).toBeInTheDocument();

    saveSession({ token: 'test-token', persona: 'executive', name: 'Eve Executive', role: 'executive' });
    expect(await screen.findByText('Only analysts manage host applications.')).toBeInTheDocument();
  });

  it('says each refused field by its label in the reader’s language, and again after a language switch', async () => {
    registry();
    // The errors as the API sends them for this input (EmbedProblemCodeTests asserts the same codes and params).
    server.use(
      graphql.mutation('RegisterHostApplication', () =>
        HttpResponse.json({
          data: null,
          errors: [
            { message: "input.origins: 'ftp://x' is not an origin (scheme://host[:port], https, or http for localhost)", extensions: { code: 'BAD_USER_INPUT', field: 'origins', problem: 'NOT_AN_ORIGIN', params: { value: 'ftp://x' } } },
            { message: "input.grantUnits: no org unit with code 'NOPE'", extensions: { code: 'BAD_USER_INPUT', field: 'grantUnits', problem: 'UNKNOWN_UNIT_CODE', params: { code: 'NOPE' } } },
            { message: "input.views: unknown view 'dashboard' (one of scorecard, cascade, process, partner)", extensions: { code: 'BAD_USER_INPUT', field: 'views', problem: 'UNKNOWN_VIEW', params: { value: 'dashboard', allowed: ['scorecard', 'cascade', 'process', 'partner'] } } },
            { message: 'input.name: some check newer than this web', extensions: { code: 'BAD_USER_INPUT', field: 'name', problem: 'SOMETHING_NEWER', params: {} } },
          ],
        }),
      ),
    );
    asAnalyst();
    await i18n.changeLanguage('zh-CN');
    try {
      const form = await screen.findByRole('form', { name: '注册宿主应用' });
      fireEvent.change(within(form).getByLabelText('宿主应用名称'), { target: { value: 'Bad' } });
      fireEvent.change(within(form).getByLabelText('允许的来源（每行一个）'), { target: { value: 'ftp://x' } });
      fireEvent.change(within(form).getByLabelText('可授权的组织单位（代码，逗号分隔）'), { target: { value: 'NOPE' } });
      fireEvent.click(within(form).getByRole('button', { name: '注册' }));

      const lines = within(await screen.findByRole('alert')).getAllByRole('listitem').map((li) => li.textContent);
      expect(lines).toEqual([
        '允许的来源：“ftp://x”不是来源（scheme://host[:port]，须为 https，localhost 可用 http）',
        '可授权的组织单位：没有代码为“NOPE”的组织单位',
        '视图：未知视图“dashboard”（可选：scorecard、cascade、process、partner）',
        '名称：some check newer than this web',
      ]);
      await i18n.changeLanguage('en');
      await waitFor(() =>
        expect(within(screen.getByRole('alert')).getAllByRole('listitem')[1]).toHaveTextContent('Org units it may grant: no org unit with code “NOPE”'),
      );
      expect(within(screen.getByRole('alert')).getAllByRole('listitem')[3]).toHaveTextContent('Name: some check newer than this web');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});

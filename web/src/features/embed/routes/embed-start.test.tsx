import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EmbedContext, type EmbedState } from '../../../lib/embed';
import { setupMswServer } from '../../../testing/msw';
import { renderRoute } from '../../../testing/render';
import { EmbedStartRoute } from './embed-start';

setupMswServer();

const partnerView: EmbedState = {
  claims: { exp: Date.now() / 1000 + 600, view: 'partner', scope_partner: 'PRT-ACME', lock_period: '2026-10' },
  canDrill: true,
  lockedPeriod: '2026-10',
  partner: 'PRT-ACME',
};
const route = {
  path: '/embed/:view',
  element: (
    <EmbedContext.Provider value={partnerView}>
      <EmbedStartRoute />
    </EmbedContext.Provider>
  ),
};
const page = { path: '/embed/partners/:code', element: <p>partner page</p> };

describe('embed start (the partner view)', () => {
  it("opens the token's partner in the locked period, with no request of its own", async () => {
    const { router } = renderRoute(route, '/embed/partner', [page]);
    await waitFor(() => expect(router.state.location.pathname + router.state.location.search).toBe('/embed/partners/PRT-ACME?period=2026-10'));
  });

  it('waits while the token is still in the URL (the layout takes it out first)', async () => {
    const { router, findByText } = renderRoute(route, '/embed/partner?token=x.y.z', [page]);
    expect(router.state.location.pathname).toBe('/embed/partner');
    await router.navigate('/embed/partner', { replace: true });
    expect(await findByText('partner page')).toBeInTheDocument();
  });

  it('opens the partner the host names (the server decides whether it is in scope)', async () => {
    const { router } = renderRoute(route, '/embed/partner?partner=PRT-SWIFT', [page]);
    await waitFor(() => expect(router.state.location.pathname).toBe('/embed/partners/PRT-SWIFT'));
  });
});

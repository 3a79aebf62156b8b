import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RootLayout } from './routes/root-layout';
import { ProtectedLayout } from './routes/protected-layout';
import { RouteError } from './routes/route-error';
import { UnitGate } from './routes/unit-gate';
import { ScorecardRoute } from '../features/scorecard/routes/scorecard';
import { EmbedLayout } from '../features/embed/routes/embed-layout';

/**
 * Every screen but the scorecard is a lazy route (its code loads on first visit); the protected layout sends callers without a
 * session to sign-in and remembers where they were going. All view state lives in the URL: unit in the path,
 * period / tab / expanded rows in the query string.
 */
export const routes: RouteObject[] = [
  // Embed mode: no chrome, the embed token only (features/embed); the same screens under /embed/units/….
  {
    path: 'embed',
    element: <EmbedLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <div className="page" aria-busy="true" />,
    children: [
      { path: ':view', lazy: () => import('../features/embed/routes/embed-start').then((m) => ({ Component: m.EmbedStartRoute })) },
      { path: 'units/:unit/scorecard', Component: ScorecardRoute },
      { path: 'units/:unit/cascade', lazy: () => import('../features/cascade/routes/cascade').then((m) => ({ Component: m.CascadeRoute })) },
      { path: 'units/:unit/process', lazy: () => import('../features/process/routes/process').then((m) => ({ Component: m.ProcessRoute })) },
      { path: 'partners/:code', lazy: () => import('../features/partners/routes/partner').then((m) => ({ Component: m.PartnerRoute })) },
    ],
  },
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    // Shown while the first screen's code loads.
    hydrateFallbackElement: <div className="page" aria-busy="true" />,
    children: [
      { path: 'status', lazy: () => import('../features/health/routes/status').then((m) => ({ Component: m.StatusRoute })) },
      { path: 'sign-in', lazy: () => import('../features/session/routes/sign-in').then((m) => ({ Component: m.SignInRoute })) },
      {
        element: <ProtectedLayout />,
        children: [
          { index: true, lazy: () => import('./routes/home').then((m) => ({ Component: m.HomeRoute })) },
          // A unit's screens; the gate swaps a unit code in the path (/units/CO/…) for the unit's id.
          {
            path: 'units/:unit',
            Component: UnitGate,
            children: [
              // /units/CO opens the unit's scorecard.
              { index: true, element: <Navigate to="scorecard" replace /> },
              // The first screen after sign-in is in the main bundle: its query starts without waiting for another chunk.
              { path: 'scorecard', Component: ScorecardRoute },
              {
                path: 'cascade',
                lazy: () => import('../features/cascade/routes/cascade').then((m) => ({ Component: m.CascadeRoute })),
              },
              {
                path: 'process',
                lazy: () => import('../features/process/routes/process').then((m) => ({ Component: m.ProcessRoute })),
              },
              {
                path: 'breakdowns',
                lazy: () => import('../features/breakdowns/routes/breakdowns').then((m) => ({ Component: m.BreakdownsRoute })),
              },
              {
                path: 'verbatims',
                lazy: () => import('../features/verbatims/routes/verbatims').then((m) => ({ Component: m.VerbatimsRoute })),
              },
              { path: 'movers', lazy: () => import('../features/movers/routes/movers').then((m) => ({ Component: m.MoversRoute })) },
              { path: 'kpis', lazy: () => import('../features/kpi-admin/routes/kpi-admin').then((m) => ({ Component: m.KpiAdminRoute })) },
            ],
          },
          {
            path: 'admin/embedding',
            lazy: () => import('../features/embed-admin/routes/embed-admin').then((m) => ({ Component: m.EmbedAdminRoute })),
          },
          { path: 'data', lazy: () => import('../features/data-jobs/routes/data-jobs').then((m) => ({ Component: m.DataJobsRoute })) },
          { path: 'partners', lazy: () => import('../features/partners/routes/league').then((m) => ({ Component: m.LeagueRoute })) },
          { path: 'partners/:code', lazy: () => import('../features/partners/routes/partner').then((m) => ({ Component: m.PartnerRoute })) },
        ],
      },
      { path: '*', lazy: () => import('./routes/not-found').then((m) => ({ Component: m.NotFoundRoute })) },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}

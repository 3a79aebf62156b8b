import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const api = 'http://127.0.0.1:5080';
const page = (name: string) => decodeURIComponent(new URL(name, import.meta.url).pathname);

export default defineConfig({
  plugins: [react()],
  build: {
    // GraphiQL with its editor is one ~770 kB chunk (250 kB gzipped), loaded only on /graphql.
    chunkSizeWarningLimit: 1000,
    // Two pages: the dashboard, and GraphiQL (served by the API on a browser GET of /graphql; every asset is
    // bundled here, no CDN, since the service runs offline).
    rollupOptions: {
      input: {
        main: page('index.html'),
        graphiql: page('graphiql.html'),
      },
      onwarn(warning, warn) {
        // graphiql's react-compiler-runtime starts with "use no memo", meaningless once bundled
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: { '/graphql': api, '/healthz': api, '/auth': api, '/api': api },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    restoreMocks: true,
    testTimeout: 60_000,
    unstubGlobals: true,
    setupFiles: ['src/test-setup.ts'],
  },
});

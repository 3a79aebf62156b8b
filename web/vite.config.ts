import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const api = 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/graphql': api, '/healthz': api, '/auth': api, '/api': api, '/export': api, '/embed': api },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    setupFiles: ['src/test-setup.ts'],
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  worker: { format: 'es' },
  // One ~220 KB gzip entry chunk is within budget (issue 3: < 300 KB); see npm run bench:browser.
  build: { chunkSizeWarningLimit: 1000 },
});

import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The gateway's default address (`PORT` 7420); `npm start` serves both on one port instead.
const gateway = 'http://127.0.0.1:7420';

export default defineConfig(({ command }) => ({
  // One build for every BERTH_BASE_PATH: relative asset URLs, which the gateway makes absolute
  // under the base path when it serves index.html (apps/gateway/src/http/static.ts). The dev
  // server serves at the root.
  base: command === 'build' ? './' : '/',
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { '@': decodeURIComponent(new URL('./src', import.meta.url).pathname) },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: gateway, ws: true },
      '/metrics': { target: gateway },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Pages are split by route (src/app/routes). Libraries every page needs get chunks of their own,
    // so they stay cached across releases; xterm.js and its addons load only with a terminal.
    // No chunk may pass 500 kB (the build warns, and `npm run bench` prints what a first load costs).
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: 'router',
              test: /node_modules[\\/]@tanstack[\\/](react-router|router-core|history|store|react-store)[\\/]/,
            },
            // Icons are tiny: one chunk of all that are used, not a request per icon (a page would
            // otherwise fetch ~80 files). A UI-kit chunk was tried too: it added 120 kB to login.
            { name: 'icons', test: /node_modules[\\/]lucide-react[\\/]/ },
            { name: 'xterm', test: /node_modules[\\/]@xterm[\\/]xterm[\\/]/ },
            { name: 'xterm-addons', test: /node_modules[\\/]@xterm[\\/]addon-/ },
          ],
        },
      },
    },
  },
}));

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const SERVER = 'http://127.0.0.1:8080';

// Where keycloak-js redeems sign-in codes and refreshes tokens.
const IDENTITY_ORIGINS = process.env.TILL_IDENTITY_ORIGINS ?? 'http://localhost:8180';

// Where the till opens its event stream when the gateway serving it cannot stream: the sync
// servers themselves (the server's STREAM_URLS). Space-separated; the stack's two by default.
const STREAM_ORIGINS =
  process.env.TILL_STREAM_ORIGINS ?? 'http://localhost:8081 http://localhost:8082';

// Only the till's own scripts run; the session tokens in localStorage depend on that.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  `connect-src 'self' ${IDENTITY_ORIGINS} ${STREAM_ORIGINS}`,
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The dev server injects inline scripts (React refresh), so the policy is for builds only. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'till-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          '<meta charset="UTF-8" />',
          `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
        ),
    },
  };
}

// The till is a PWA: the service worker precaches the app shell so a cold start works offline.
// Data never goes through it: /api and /auth are always network, RxDB keeps the data.
export default defineConfig({
  root: 'client',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the till: a release then re-downloads less.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'rxdb', test: /node_modules[\\/](rxdb|dexie|rxjs)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: SERVER, changeOrigin: false },
      '/auth': { target: SERVER, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: SERVER, changeOrigin: false },
      '/auth': { target: SERVER, changeOrigin: false },
    },
  },
  plugins: [
    react(),
    contentSecurityPolicy(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      // The glob below already precaches every icon; listing them again would duplicate them.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'POS Till',
        short_name: 'Till',
        description: 'Point-of-sale till that keeps selling without a network.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f4f6f8',
        theme_color: '#0f766e',
        lang: 'en',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff,woff2,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api(?:\/|$)/, /^\/auth(?:\/|$)/, /^\/health(?:\/|$)/],
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
        // Catalog-sized chunks must still be precached, or a cold offline start would miss them.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        runtimeCaching: [],
      },
      devOptions: { enabled: false },
    }),
  ],
});

import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * A build is always the production client: with NODE_ENV=development in the shell, Vite would
 * otherwise resolve Lit's dev build and set `import.meta.env.DEV`, and `registerServiceWorker()`
 * would return early (no offline mode, silently). The config forces NODE_ENV before Vite reads it;
 * this plugin fails the build should a development client get through anyway.
 */
function productionClientOnly(): Plugin {
  return {
    name: 'portee-production-client-only',
    apply: 'build',
    configResolved(config) {
      if (!config.isProduction || config.env.DEV) throw new Error(`The client build must be a production build (NODE_ENV=${process.env.NODE_ENV}, mode ${config.mode}).`);
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.code.includes('Lit is in dev mode')) throw new Error(`${file.fileName} holds Lit's development build.`);
      }
    },
  };
}

/**
 * The client build: Lit app from client/, service worker from client/sw.ts (workbox precache
 * manifest injected), web manifest. jsPDF's optional chunks are kept out of the precache.
 */
export default defineConfig(({ command }) => {
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    mode: command === 'build' ? 'production' : undefined,
    root: 'client',
    publicDir: 'public',
    build: {
      outDir: '../dist/client',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
    },
    plugins: [
      productionClientOnly(),
      VitePWA({
        strategies: 'injectManifest',
        srcDir: '.',
        filename: 'sw.ts',
        injectRegister: false,
        registerType: 'prompt',
        manifest: {
          id: '/',
          name: 'Portée — portail des familles du conservatoire',
          short_name: 'Portée',
          description: 'Dossier de la famille, factures, paiement en ligne et suivi des cours au conservatoire.',
          lang: 'fr',
          dir: 'ltr',
          start_url: '/',
          scope: '/',
          display: 'standalone',
          background_color: '#ffffff',
          theme_color: '#13335e',
          icons: [
            { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
            { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
            { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        injectManifest: {
          globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
          globIgnores: ['**/html2canvas*', '**/purify*', '**/index.es*'],
        },
        devOptions: { enabled: false },
      }),
    ],
    server: { proxy: { '/api': 'http://localhost:3000' } },
  };
});

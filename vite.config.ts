import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

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
 * Lit keeps each component's CSS and HTML as template literals, which the JS minifier leaves as
 * written: comments, indentation. Minified at build time (CSS fully; HTML only comments and runs
 * of whitespace, collapsed conservatively so the spaces between inline elements stay), they cost
 * the first screen about a tenth less to download. Our own modules only: Lit's are shipped minified.
 */
function minifiedTemplates(): Plugin {
  return {
    ...(minifyTemplateLiterals({
      include: ['client/**/*.ts', 'shared/**/*.ts'],
      failOnError: true,
      options: { minifyOptions: { conservativeCollapse: true, removeEmptyAttributes: false, decodeEntities: false, minifyJS: false } },
    }) as Plugin),
    apply: 'build',
  };
}

/**
 * Families on slow mobile networks: every text file of the build is also written compressed at the
 * highest levels (brotli 11, gzip 9), once, at build time; the server sends the .br or .gz file to
 * a browser that accepts it (server/http/static.ts, `precompressed`). On-the-fly compression has
 * to use fast levels: brotli 11 saves about a fifth more than it on the scripts.
 */
function precompress(): Plugin {
  let outDir = '';
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return {
    name: 'portee-precompress',
    apply: 'build',
    configResolved(config) {
      // outDir is relative to the project root ('client'), not to the working directory.
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      for (const file of walk(outDir)) {
        if (!/\.(js|mjs|css|html|svg|webmanifest|json)$/.test(file)) continue;
        const data = readFileSync(file);
        if (data.length < 512) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

/**
 * The first screen in one script: every module the entry (main.ts) and the sign-in page import
 * statically goes into one chunk. Left to itself the bundler made some twenty small shared
 * chunks of them, each a request whose headers weigh as much as its body on a phone, and a chain
 * the browser discovers step by step. The set is computed from the module graph at each build.
 * A second group does the same for what every signed-in screen loads: the shell's signed-in parts
 * (menu, status, idle warning) and the session's sync code (the pull's lock and triggers, and the
 * clients of the data worker, where the database lives), both behind one lazily imported module
 * (client/app/signed-in-entry.ts: the bundler adds a re-export stub per module lazily imported
 * into a group, a request each), small modules many signed-in screens import, and the family's home's messages (family-messages.ts is also the teacher's and the
 * desk's home pages'; todo-messages.ts is small), and the French order of most lists and the
 * money format (a chunk of its own would be a request for a few lines). The other areas' messages are chunks of their
 * own, loaded with the pages that use them (client/i18n/message-areas.ts). The signed-in screens'
 * route table (client/app/signed-in-routes.ts) is a small chunk of its own, not in the group: in
 * it, each page's import would wait for the whole group to arrive; alone, it arrives first and the
 * page's module loads beside the group.
 */
function firstScreenChunks() {
  const groups: Record<string, Set<string>> = { 'first-screen': new Set(), 'signed-in': new Set() };
  const roots: Record<string, RegExp[]> = {
    'first-screen': [/client\/main\.ts$/, /client\/auth\/pages\/po-sign-in-page\.ts$/],
    'signed-in': [
      /client\/app\/signed-in-entry\.ts$/, /client\/i18n\/family-messages\.ts$/, /client\/i18n\/todo-messages\.ts$/, /shared\/french-order\.ts$/, /shared\/money\.ts$/,
      // Small modules many signed-in screens import (a few hundred bytes each, 10 to 38 screens
      // of 64): each alone was a request, its headers weighing more than its code. None may be
      // reached from a public page, which would then load this whole chunk
      // (test/server/production-build.test.ts): shared/civilities.ts is, by the pre-registration.
      /client\/components\/po-data-pending\.ts$/, /client\/styles\/reflow-table-styles\.ts$/, /client\/components\/offline-notice\.ts$/,
      /client\/components\/record-list\.ts$/, /client\/pedagogy\/data\/pedagogy-names\.ts$/, /shared\/lesson-dates\.ts$/,
      /client\/data\/submit-mutation\.ts$/,
    ],
  };
  const plugin: Plugin = {
    name: 'portee-first-screen-chunks',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const taken = new Set<string>();
      for (const [name, patterns] of Object.entries(roots)) {
        const stack = ids.filter((id) => patterns.some((p) => p.test(id)));
        while (stack.length) {
          const id = stack.pop()!;
          if (taken.has(id) || groups[name].has(id)) continue;
          groups[name].add(id);
          stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        for (const id of groups[name]) taken.add(id);
      }
    },
  };
  const group = (name: string) => ({ name, test: (id: string) => groups[name].has(id) });
  return { plugin, groups: [group('first-screen'), group('signed-in')] };
}

const chunks = firstScreenChunks();

/** The client's two route tables; both sit in client/app, so a page's relative path resolves the same from either. */
const ROUTE_TABLES = ['client/app/routes.ts', 'client/app/signed-in-routes.ts'];

/**
 * The routes of both tables as the build reads them, one per line in the form
 * `{ path, access, messages, load, render }`: the path, the areas of messages, the page module
 * (relative to client/app) and the rest of the line.
 */
function routeTableEntries() {
  return ROUTE_TABLES.flatMap((table) =>
    [...readFileSync(table, 'utf8').matchAll(/\{ path: '([^']+)',[^\n]*?messages: \[([^\]]*)\], load: \(\) => import\('([^']+)'\)([^\n]*)/g)].map(([, path, list, page, rest]) => ({
      table,
      path,
      areas: [...list.matchAll(/'([\w-]+)'/g)].map((m) => m[1]),
      page,
      rest,
    })),
  );
}

/** Each area of messages and its catalogue's file, absolute (client/i18n/message-areas.ts). */
function messageAreaFiles(): Map<string, string> {
  const i18n = resolve('client/i18n');
  const areas = readFileSync(join(i18n, 'message-areas.ts'), 'utf8');
  return new Map([...areas.matchAll(/^\s+'?([\w-]+)'?: \(\) => import\('\.\/([\w-]+\.ts)'\)/gm)].map(([, area, file]) => [area, join(i18n, file)]));
}

/**
 * Each route names the areas of French messages its page needs (client/app/routes.ts), loaded
 * before it renders: a key of an area it does not name would show raw on screen. At each build,
 * every key a page's modules name (statically or lazily imported; a literal key, or the start of
 * one a template completes) is checked against its route's list, and the first screen's modules
 * may name no area key at all. A part a page imports lazily (a form opened on demand) may also name
 * the areas the page loads together with it, `Promise.all([import('…'), loadAreaMessages([…])])`. Naming an area a page does not need is
 * allowed (it only costs bytes).
 */
function routeMessagesCheck(): Plugin {
  const i18n = resolve('client/i18n');
  const keysOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s+'([^']+)':/gm)].map((m) => m[1]);
  return {
    name: 'portee-route-messages-check',
    apply: 'build',
    async buildEnd(error) {
      if (error) return;
      const areaOfKey = new Map<string, string>();
      for (const [area, file] of messageAreaFiles()) for (const key of keysOf(file)) areaOfKey.set(key, area);
      const keys = [...areaOfKey.keys()];
      const named = (code: string) => {
        const found = new Set<string>();
        for (const [, text, end] of code.matchAll(/['"`]([a-zA-Z][\w.-]*\.[\w.-]*)(['"`]|\$\{)/g)) {
          if (end !== '${' && !text.endsWith('.')) {
            if (areaOfKey.has(text)) found.add(areaOfKey.get(text)!);
          } else for (const key of keys) if (key.startsWith(text)) found.add(areaOfKey.get(key)!);
        }
        return found;
      };
      const firstScreen = chunks.groups[0];
      // A form shows its errors through these (first-screen) modules, in the 'validation' area's words.
      const formModules = new Set(['client/forms/form-controller.ts', 'client/forms/messages.ts'].map((file) => resolve(file)));
      // The screens' queries, which the page loads only where there is no data worker
      // (client/data/query-client.ts): data, shown by the page in its own route's words.
      const queries = resolve('client/data/query-watch.ts');
      const problems: string[] = [];
      for (const id of this.getModuleIds()) {
        if (!firstScreen.test(id) || id.startsWith(i18n)) continue;
        const used = named(this.getModuleInfo(id)?.code ?? '');
        if (used.size) problems.push(`${id} (first screen) names keys of ${[...used].join(', ')}: move them to the core messages (client/i18n/messages-fr.ts)`);
      }
      const entries = routeTableEntries();
      for (const { path, areas, page, rest } of entries) {
        const allowed = new Set(areas);
        if (rest.includes('validationOnSubmit: true')) allowed.add('validation');
        const start = (await this.resolve(page, resolve(ROUTE_TABLES[0])))?.id;
        if (!start) throw new Error(`routes.ts: ${page} not found`);
        // A module and the areas it may name: the route's, and for a part imported lazily, also
        // those its importer loads with it.
        const seen = new Set<string>();
        const stack: Array<[string, Set<string>]> = [[start, allowed]];
        while (stack.length) {
          const [id, may] = stack.pop()!;
          // Keyed with the areas too: a module reached both ways is checked against the narrower list.
          const visit = `${id} ${[...may].sort().join()}`;
          if (seen.has(visit) || firstScreen.test(id) || id.startsWith(i18n) || id === queries) continue;
          seen.add(visit);
          const info = this.getModuleInfo(id);
          const code = info?.code ?? '';
          for (const area of named(code)) if (!may.has(area)) problems.push(`${path}: ${id} names keys of '${area}', not in the route's messages`);
          if (!may.has('validation') && [...(info?.importedIds ?? []), ...(info?.dynamicallyImportedIds ?? [])].some((dep) => formModules.has(dep))) problems.push(`${path}: ${id} has a form, and 'validation' is not in the route's messages`);
          // Only the part loaded in the same `Promise.all([import('…'), loadAreaMessages([…])])`
          // gets those areas: the page then waits for both before showing it.
          const widened = new Map<string, Set<string>>();
          for (const [, specifier, list] of code.matchAll(/Promise\.all\(\[\s*import\(\s*['"]([^'"]+)['"]\s*\)\s*,\s*loadAreaMessages\(\s*\[([^\]]*)\]\s*\)\s*\]\)/g)) {
            const part = (await this.resolve(specifier, id))?.id;
            if (part) widened.set(part, new Set([...may, ...[...list.matchAll(/['"]([\w-]+)['"]/g)].map((m) => m[1])]));
          }
          stack.push(...(info?.importedIds ?? []).map((dep): [string, Set<string>] => [dep, may]), ...(info?.dynamicallyImportedIds ?? []).map((dep): [string, Set<string>] => [dep, widened.get(dep) ?? may]));
        }
      }
      const listed = ROUTE_TABLES.map((file) => [...readFileSync(file, 'utf8').matchAll(/^\s+\{ path: '/gm)].length).reduce((a, b) => a + b, 0);
      if (entries.length !== listed) problems.push(`${listed - entries.length} route(s) of client/app/*routes.ts not in the form the check reads ({ path, access, messages, load, render })`);
      if (!entries.length || problems.length) {
        throw new Error(`Messages a page would show raw (client/app/routes.ts):\n${problems.join('\n') || 'no route found'}`);
      }
    },
  };
}

/**
 * The scripts each screen loads before its first render, for the server to name in the HTML
 * (server/http/route-preloads.ts): without them a signed-in screen's page module is found four
 * requests deep (the HTML, the first screen's script, the session's answer and the signed-in
 * code, then the route table's import), each a round trip on a phone. Per route of
 * client/app/routes.ts and signed-in-routes.ts: the page's chunk and what it imports, its
 * messages' areas, and for a signed-in route the signed-in code (the route table, the session's
 * device code, the shell's signed-in parts). Chunks the HTML already names (the entry and the
 * first screen) are left out. Written as dist/client/route-preloads.json.
 */
function routePreloads(): Plugin {
  return {
    name: 'portee-route-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const byModule = new Map(chunks.filter((c) => c.facadeModuleId).map((c) => [c.facadeModuleId!, c]));
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const chunkOf = (file: string) => {
        const chunk = byModule.get(resolve(file));
        if (!chunk) throw new Error(`route preloads: no chunk for ${file}`);
        return chunk.fileName;
      };
      const entry = chunks.find((c) => c.isEntry && c.facadeModuleId === resolve('client/index.html'))
        ?? chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith('client/main.ts'));
      if (!entry) throw new Error('route preloads: no entry chunk');
      const inHtml = new Set([entry.fileName, ...entry.imports]);
      const closure = (files: string[]) => {
        const found = new Set<string>();
        const stack = [...files];
        while (stack.length) {
          const file = stack.pop()!;
          if (found.has(file) || inHtml.has(file)) continue;
          found.add(file);
          stack.push(...(byFile.get(file)?.imports ?? []));
        }
        return found;
      };
      const areaFile = messageAreaFiles();
      const signedIn = ['client/app/signed-in-routes.ts', 'client/app/signed-in-entry.ts'].map(chunkOf);
      const routes = routeTableEntries().map(({ table, path, areas, page }) => {
        const isSignedIn = table.endsWith('signed-in-routes.ts');
        const messages = areas.map((area) => chunkOf(areaFile.get(area) ?? `unknown area ${area}`));
        const scripts = closure([...(isSignedIn ? signedIn : []), chunkOf(join('client/app', page)), ...messages]);
        return { path, signedIn: isSignedIn, scripts: [...scripts].sort().map((file) => `/${file}`) };
      });
      this.emitFile({ type: 'asset', fileName: 'route-preloads.json', source: JSON.stringify({ routes }) });
    },
  };
}

/**
 * Before a lazy import, the bundler's helper adds a `<link rel="modulepreload">` for each script
 * of the imported part, so that a screen's scripts are asked for in one round trip rather than
 * level by level (up to six levels for some pages). That is worth it over the network: a first
 * visit, a sign-in before the service worker has kept the app. A page the service worker controls
 * has every script in its cache, where the links only cost the main thread (8–11 ms a repeat
 * visit, measured unthrottled, in the shell's first tasks) and a request each beside them
 * (docs/performance.md, "No preload links on a repeat visit"). Vite has no option for "not when
 * controlled", so its helper's one test gets that condition here; the build fails if the helper
 * no longer reads as expected, rather than silently preloading again. Stylesheets are kept: the
 * same list carries a lazy part's CSS, which the helper is the one to load (none today: the one
 * stylesheet is named by the HTML, the components' styles are in their scripts).
 */
function noPreloadsUnderServiceWorker(): Plugin {
  const test = 'deps && deps.length > 0';
  let changed = false;
  return {
    name: 'portee:no-preloads-under-service-worker',
    apply: 'build',
    transform: {
      filter: { id: /^\0vite\/preload-helper\.js$/ },
      handler(code) {
        if (code.split(test).length !== 2) this.error(`Vite's preload helper changed: "${test}" not found once; see noPreloadsUnderServiceWorker`);
        changed = true;
        const kept = "(deps = navigator.serviceWorker?.controller ? deps.filter((dep) => dep.endsWith('.css')) : deps)";
        return { code: code.replace(test, `deps && ${kept}.length > 0`), map: null };
      },
    },
    buildStart() {
      changed = false;
    },
    generateBundle(_options, bundle) {
      // A helper under another name would be left as it is without this.
      const lazy = Object.values(bundle).some((file) => file.type === 'chunk' && file.dynamicImports.length > 0);
      if (lazy && !changed) this.error("Vite's preload helper was not found; see noPreloadsUnderServiceWorker");
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
      rolldownOptions: { output: { codeSplitting: { groups: chunks.groups } } },
    },
    plugins: [
      productionClientOnly(),
      minifiedTemplates(),
      precompress(),
      chunks.plugin,
      routeMessagesCheck(), // after chunks.plugin, whose groups it reads
      routePreloads(),
      noPreloadsUnderServiceWorker(),
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

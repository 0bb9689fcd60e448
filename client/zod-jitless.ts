/**
 * zod compiles fast object parsers with `new Function` after probing whether eval is allowed; under
 * the app's CSP (no 'unsafe-eval') the probe is refused and reported as a CSP violation each time
 * the app starts. The client parses small forms: the interpreted parser is enough. zod decides per
 * schema, at definition, from its global config, which it keeps on `globalThis.__zod_globalConfig`
 * and adopts when already there: set here, first thing in main.ts, without loading zod at start-up.
 * (test/e2e/csp.spec.ts fails on the violation should a zod upgrade move it.)
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };

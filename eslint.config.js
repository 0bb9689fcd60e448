// ESLint (flat config): typescript-eslint's recommended rules everywhere; Lit, web-component and
// template accessibility rules on the client. `npm run lint:eslint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'a11y/report/', 'data/', 'server/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // Unused names are errors, but a leading underscore marks a deliberately unused parameter.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['client/**/*.ts', 'test/components/**/*.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { 'lit-a11y': litA11y },
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
    rules: { ...litA11y.configs.recommended.rules },
  },
  {
    // The classic script run before the first paint (client/index.html).
    files: ['client/public/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['client/sw.ts'],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    files: ['server/**/*.ts', 'test/server/**/*.ts', 'test/e2e/**/*.ts', 'test/helpers/**/*.ts', 'a11y/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '*.ts', '*.js', '*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['test/components/**/*.ts'],
    languageOptions: { globals: globals.mocha },
    rules: {
      // chai's property assertions (`expect(x).to.exist`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['test/**/*.ts', 'a11y/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Tests read JSON bodies loosely and assert on the shapes they expect.
      '@typescript-eslint/no-explicit-any': 'off',
      // Tests build and match control characters on purpose (log escaping, file-name cleaning).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['client/components/po-idle-warning.ts', 'client/components/po-sign-out-dialog.ts'],
    rules: {
      // Inside a modal <dialog>, `autofocus` is how HTML chooses the control focused when it opens
      // (the safe choice: "Prolonger", "Attendre"); the rule is about autofocus on a page.
      'lit-a11y/no-autofocus': 'off',
    },
  },
);

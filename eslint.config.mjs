// ESLint 9 flat config: Next.js's recommended rules (core web vitals) and its TypeScript rules.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Every rule of the React hooks plugin Next.js brings (none of them may name a rule that does not exist).
const reactHooksPlugin = nextVitals.find((c) => c.plugins?.['react-hooks'])?.plugins['react-hooks'];
if (!reactHooksPlugin) throw new Error('eslint-config-next no longer brings the react-hooks plugin');
const reactHooksOff = Object.fromEntries(Object.keys(reactHooksPlugin.rules).map((rule) => [`react-hooks/${rule}`, 'off']));

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore marks a value discarded on purpose (e.g. a field taken out of an object before passing the rest on).
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { varsIgnorePattern: '^_', argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Playwright fixtures and specs are not React: a fixture's `use` callback is not the React `use` hook.
    files: ['e2e/**', 'tests/**'],
    rules: reactHooksOff,
  },
  {
    // CommonJS config files read by Node directly (next.config.js keeps `require` so `next build` loads it as is).
    files: ['*.config.js', '*.config.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  globalIgnores(['.next*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'data/**', 'scripts/tmp/**', 'next-env.d.ts']),
]);

// @ts-check
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const testFiles = ['**/*.spec.ts', '**/testing/**/*.ts', 'test/**/*.ts', 'apps/*/test/**/*.ts'];

export default defineConfig(
  {
    // The fixtures break the dependency rules on purpose and have their own tsconfig.
    ignores: ['dist/', 'var/', 'coverage/', 'tools/depcruise/fixtures/', 'apps/portal/src/gql/'],
  },
  eslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.ts', 'apps/portal/src/**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      // Adapters implement a Promise-returning port with `async` so that a throw becomes a
      // rejection, as in the I/O-bound adapters, even where nothing is awaited.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The portal runs in the browser.
    files: ['apps/portal/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    // Japanese text sets words apart with the ideographic space (U+3000).
    rules: { 'no-irregular-whitespace': ['error', { skipJSXText: true, skipStrings: true }] },
  },
  {
    // Logs go through the Nest/pino logger; the CLI writes to process.stdout.
    rules: { 'no-console': 'error' },
  },
  {
    files: testFiles,
    rules: {
      // expect(mock.method) and expect.any()/objectContaining() are typed loosely by jest.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
  {
    // Last, so no relaxation above can reach domain code (STYLE: no `any` in domain code).
    files: ['libs/*/src/domain/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
);

import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  {
    ignores: [
      '**/node_modules/',
      '**/build/',
      '**/dist/',
      '**/.svelte-kit/',
      '**/.turbo/',
      'packages/db/drizzle/',
      'data/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    // The API's layers run one way (DESIGN.md §3): a route feature imports its own files, lib, the use cases, the
    // domain and db, never another feature's files; use cases and lib never import routes.
    files: ['apps/api/src/routes/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./(lib|use-cases)/)',
              message:
                'A route feature imports only its own files, lib, use cases, the domain and db: move what two features share to apps/api/src/use-cases (or lib).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/api/src/use-cases/**/*.ts', 'apps/api/src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)routes/',
              message: 'Use cases and lib sit below the routes: they never import a route feature.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
);

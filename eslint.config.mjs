// Flat ESLint config for the server side (apps/api, apps/worker, libs, bench, tools).
// The web app is checked by vue-tsc and its own tests.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'apps/web/**',
      'docker/**',
      '.data/**',
      'artifacts/**',
      '**/*.d.ts',
      'bench/**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through AppConfig (libs/core/src/config), not process.env.',
        },
      ],
    },
  },
  {
    // CommonJS preloads for `node -r` (bench/lib/cpu-prof.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The config loader, test harness and scripts are the places allowed to read the environment.
    files: [
      'libs/core/src/config/**',
      'libs/testing/**',
      'bench/**',
      'tools/**',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      'jest.config.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);

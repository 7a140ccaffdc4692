// Flat ESLint config for the whole workspace: server side (apps/api, apps/worker, libs, bench, tools) and the
// web console (TypeScript + Vue single-file components). Import boundaries are checked by dependency-cruiser.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'apps/web/src/graphql/generated/**',
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
    // Stand-alone Node scripts for integrators (docs/integration.md).
    files: ['examples/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
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
  ...pluginVue.configs['flat/essential'],
  {
    // The console runs in the browser; its .vue files hold TypeScript.
    files: ['apps/{web,public}/**/*.{ts,vue}'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] },
    },
    rules: {
      'no-restricted-syntax': 'off',
      // Pages follow the views/<area>/<page>/index.vue layout (style.md): their file name is not their name.
      'vue/multi-word-component-names': 'off',
    },
  },
);

// Lint rules: the recommended sets of ESLint and typescript-eslint, type-aware.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'output/', 'coverage/', 'dist/', 'dist.new-*/', 'dist.old-*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    // The benchmark's Paged.js anchor: a plain Node script whose callbacks run in a page.
    files: ['bench/**/*.js'],
    languageOptions: { globals: { process: 'readonly', window: 'readonly', document: 'readonly' } },
  },
  {
    // Scripts that run in a page (print layout, live reload, the notes): the browser's globals.
    files: ['templates/**/*.js'],
    languageOptions: {
      globals: {
        document: 'readonly',
        window: 'readonly',
        NodeFilter: 'readonly',
        EventSource: 'readonly',
        location: 'readonly',
        console: 'readonly',
        HTMLElement: 'readonly',
        ResizeObserver: 'readonly',
      },
    },
  },
);

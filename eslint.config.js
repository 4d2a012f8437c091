import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CORE_IS_PURE =
  'src/core is pure: no React/DOM/state; the view depends on the core, never the reverse.';
const TEXT_ONLY = 'dangerouslySetInnerHTML is forbidden: user text renders as text only.';

/**
 * src/core may not import UI libraries, nor anything in src/ outside src/core (state, features,
 * worker, ui, App...). A relative import leaves src/core when it climbs more `..` than the file is
 * deep inside it, so one block per depth gets its own pattern; `./state` inside the core is fine.
 */
const coreImportRules = Array.from({ length: 8 }, (_, depth) => ({
  files: [`src/core/${'*/'.repeat(depth)}*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^(react|react-dom|zustand|recharts)(/|$)|^@xyflow/',
            message: CORE_IS_PURE,
          },
          {
            // `depth + 1` or more `../`, then anything but `core/`.
            regex: `^(\\.\\./){${depth + 1}}(\\.\\./)*(?!\\.\\./|core(/|$))`,
            message: CORE_IS_PURE,
          },
        ],
      },
    ],
  },
}));

export default defineConfig(
  globalIgnores([
    'dist',
    'node_modules',
    'coverage',
    'test-results',
    'playwright-report',
    'public/*.json',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: TEXT_ONLY },
        { selector: "Property[key.name='dangerouslySetInnerHTML']", message: TEXT_ONLY },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/**/*.tsx'],
    ignores: ['src/**/*.test.tsx'],
    extends: [reactRefresh.configs.vite],
  },
  ...coreImportRules,
);

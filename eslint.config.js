// Lint rules for the whole tree: typescript-eslint's recommended rules, import cycles refused
// (import-x/no-cycle), every eslint-disable with a reason, and formatting left to Prettier.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';

/** import-x resolves imports (for no-cycle) as TypeScript does under `project`. */
const importResolver = (project) => ({
  'import-x/resolver-next': [createTypeScriptImportResolver({ project })],
});

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', '.data/', '.cache/', 'neo4j/target/', 'test-artifacts/', 'scratch/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  comments.recommended,
  {
    // A stale eslint-disable would hide the next real finding on its line.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // A cycle makes load order matter and hides which module owns a fact.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      // Each exception to a rule says why, after `--`.
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      // Express's typings are extended only through its global `Express` namespace (declare global);
      // runtime namespaces stay refused.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
    },
    settings: importResolver('tsconfig.json'),
  },
  {
    // The client (and its unit tests and bench page) resolve imports the bundler's way, as client/tsconfig.json says.
    files: ['client/**/*.ts', 'tests/client/**/*.ts', 'bench/client/**/*.ts'],
    settings: importResolver('client/tsconfig.json'),
  },
  prettier,
);

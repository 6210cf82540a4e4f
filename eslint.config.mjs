// ESLint for the whole repository, as a flat config. Formatting is Prettier's job (eslint-config-prettier turns
// off the rules that would disagree with it); ESLint keeps the rules about meaning and size.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Server code outside the CLI imports no module of `cli/`. */
const cliImports = {
  group: ['./cli', './cli/*', '../cli', '../cli/*', '../../cli', '../../cli/*'],
  message: 'Server code does not import the CLI; move what both need to server/src/files/.',
};

/** The core's modules, at each depth, import nothing above `core/`. */
function outsideCore(up) {
  return { group: [`${up}*`], message: 'The core imports nothing outside server/src/core/.' };
}

/** The language server's libraries, which belong to the shells, not the core. */
const editorLibraries = { group: ['vscode-languageserver*'], message: 'The core is pure: no editor protocol.' };

/** Modules the pure core never imports. */
const impureModules = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'vscode'].map((name) => ({
  name,
  message: 'The core is pure: no file system and no editor.',
}));

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'server/dist/**',
      '.cache/**',
      'node_modules/**',
      'test/e2e/workspace/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Unused arguments named with a leading underscore are part of a signature the code must keep.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A promise nobody awaits must say so with `void`, so that a lost rejection is a choice, not an accident.
      '@typescript-eslint/no-floating-promises': 'error',
      eqeqeq: ['error', 'always'],
      'prefer-const': 'error',
    },
  },
  {
    // Product code: small functions, as ARCHITECTURE.md promises. Data tables are arrays and objects, not functions.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: false, skipComments: false, IIFEs: true }],
    },
  },
  {
    // Only the CLI's entry points reach into `cli/`: what the server shares with the CLI lives in `files/`.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli.ts', 'server/src/cliWorker.ts', 'server/src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [cliImports] }] },
  },
  {
    // The core is pure: no file system, no editor, nothing of the server outside `core/`.
    files: ['server/src/core/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: impureModules, patterns: [outsideCore('../'), editorLibraries] }],
    },
  },
  {
    files: ['server/src/core/*/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: impureModules, patterns: [outsideCore('../../'), editorLibraries] }],
    },
  },
  {
    // Tests read what processes print (JSON.parse gives `any`) and check its shape with assertions.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript (build scripts, the bin shim) has no type information to lint with.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The bin shim and the benchmark's preload are CommonJS, loaded by Node as they are.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);

// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.test-builds/',
      'test-results/',
      'screenshots/',
      'node_modules/',
      'content/papers/',
      'content/.papers-*/',
      'bench/scratch/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strict,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Non-null assertions mark places the parser has already checked (a regex group that matched).
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['src/client/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
);

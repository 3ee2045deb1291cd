// ESLint for the viewer (flat config): the recommended rules, browser globals for src/, Node's for the
// build script and the unit tests; formatting is Prettier's job (eslint-config-prettier turns style rules off).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default [
    { ignores: ['node_modules/**'] },
    js.configs.recommended,
    {
        files: ['**/*.js', '**/*.mjs'],
        languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.browser } },
        rules: {
            'no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
            eqeqeq: ['error', 'always'],
            'prefer-const': 'error',
        },
    },
    { files: ['build.mjs', 'eslint.config.js', 'test/**/*.js'], languageOptions: { globals: { ...globals.node } } },
    prettier,
];

// Lint: TypeScript + React hooks, and import boundaries following bulletproof-react's layout:
// app/ composes features; a feature imports only itself and shared code (components/, lib/, gql/), never another
// feature or app/; shared code never imports features or app/.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const shared = ['components', 'lib', 'gql', 'testing'];

export default tseslint.config(
  { ignores: ['dist', 'src/gql/**', 'node_modules'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'boundaries/include': ['src/**/*'],
      'boundaries/elements': [
        { type: 'app', pattern: 'src/app' },
        { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
        { type: 'components', pattern: 'src/components' },
        { type: 'lib', pattern: 'src/lib' },
        { type: 'gql', pattern: 'src/gql' },
        { type: 'testing', pattern: 'src/testing' },
        { type: 'graphiql', pattern: 'src/graphiql' },
        { type: 'entry', pattern: 'src/*.{ts,tsx}', partialMatch: false },
      ],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'boundaries/dependencies': [
        2,
        {
          default: 'disallow',
          policies: [
            { from: { element: { type: 'entry' } }, allow: { to: { element: { types: { anyOf: ['app', 'lib'] } } } } },
            { from: { element: { type: 'app' } }, allow: { to: { element: { types: { anyOf: ['app', 'feature', ...shared] } } } } },
            {
              from: { element: { type: 'feature' } },
              allow: { to: { element: { type: 'feature', captured: { feature: '{{ from.element.captured.feature }}' } } } },
            },
            { from: { element: { type: 'feature' } }, allow: { to: { element: { types: { anyOf: shared } } } } },
            { from: { element: { type: 'components' } }, allow: { to: { element: { types: { anyOf: ['components', 'lib'] } } } } },
            { from: { element: { type: 'lib' } }, allow: { to: { element: { types: { anyOf: ['lib'] } } } } },
            { from: { element: { type: 'gql' } }, allow: { to: { element: { type: 'gql' } } } },
            { from: { element: { type: 'testing' } }, allow: { to: { element: { types: { anyOf: shared } } } } },
            { from: { element: { type: 'graphiql' } }, allow: { to: { element: { types: { anyOf: ['graphiql', 'lib'] } } } } },
          ],
        },
      ],
    },
  },
);

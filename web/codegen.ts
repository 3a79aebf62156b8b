import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations: every `graphql(`…`)` document under src/ is checked against the schema SDL checked in at
 * api/schema.graphql and gets its result and variable types in src/gql/ (run `npm run codegen`; the test
 * src/gql/codegen.test.ts fails when the checked-in output is stale).
 */
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*', '!src/**/*.test.{ts,tsx}'],
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { Date: 'string', DateTime: 'string' } },
    },
  },
  silent: true,
};

export default config;

// Typed operations from the served contract: a change to apps/api/schema.gql that breaks an
// operation the portal sends fails the portal's build (codegen validates every document).
/** @type {import('@graphql-codegen/cli').CodegenConfig} */
export default {
  schema: 'apps/api/schema.gql',
  documents: ['apps/portal/src/**/*.{ts,tsx}', '!apps/portal/src/gql/**'],
  ignoreNoDocuments: false,
  errorsOnly: true,
  silent: true,
  generates: {
    'apps/portal/src/gql/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

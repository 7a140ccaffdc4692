import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

// The API emits its schema to apps/api/schema.gql (committed). Until that file exists
// we generate from the provisional copy of the agreed contract.
const apiSchema = fileURLToPath(new URL('../api/schema.gql', import.meta.url));
const provisionalSchema = fileURLToPath(new URL('./src/graphql/schema.provisional.graphql', import.meta.url));
const schema = existsSync(apiSchema) ? apiSchema : provisionalSchema;

const config: CodegenConfig = {
  schema,
  documents: ['src/modules/*/graphql/*.graphql'],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        // String unions instead of TS enums: no runtime objects in the bundle.
        enumsAsTypes: true,
        skipTypename: true,
        strictScalars: true,
        scalars: { DateTime: 'string' },
        dedupeFragments: true,
      },
    },
  },
};

export default config;

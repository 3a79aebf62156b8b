// Prints the SDL of a running host's GraphQL schema (introspection, printed by graphql-js).
//   BASE_URL=http://127.0.0.1:5080 node scripts/introspect-schema.mjs > ../api/schema.graphql
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:5080';
const token = await fetch(`${base}/auth/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ persona: 'analyst' }),
}).then((r) => r.json());
const response = await fetch(`${base}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` },
  body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }) }),
});
const result = await response.json();
if (result.errors) throw new Error(JSON.stringify(result.errors));
process.stdout.write(printSchema(buildClientSchema(result.data)) + '\n');

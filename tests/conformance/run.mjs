// Conformance checks of the CxDashboard GraphQL engine against graphql-js and graphql-http.
//   CONFORMANCE_URL   the test server's GraphQL endpoint (http://127.0.0.1:PORT/graphql)
//   CONFORMANCE_SDL   a file holding the test server's SchemaPrinter output
// Started by run.sh, which builds and starts the test server. Ends with "conformance: N passed, N failed".
// `node run.mjs [filter]` runs only the corpus cases whose id contains filter (plus the other checks).
import { readFileSync } from 'node:fs';
import {
  assertValidSchema, buildClientSchema, buildSchema, getIntrospectionQuery, graphqlSync, printSchema,
} from 'graphql';
import { serverAudits } from 'graphql-http';
import { compareCase, firstDifference } from './lib/compare.mjs';
import { loadCorpus } from './lib/corpus.mjs';
import { ruleCoverage } from './lib/coverage.mjs';
import { referenceRun, schema as referenceSchema, sdl } from './lib/reference.mjs';

const url = process.env.CONFORMANCE_URL;
if (!url) { console.error('CONFORMANCE_URL is not set (run tests/conformance/run.sh)'); process.exit(2); }
const filter = process.argv[2] ?? '';
const verbose = process.env.CONFORMANCE_VERBOSE === '1';

const tally = new Map(); // check group -> { passed, failed }
let passed = 0;
let failed = 0;
function record(group, name, problem) {
  const t = tally.get(group) ?? { passed: 0, failed: 0 };
  tally.set(group, t);
  if (problem) {
    failed++; t.failed++;
    console.log(`FAIL ${group}: ${name}\n${problem}`);
  } else {
    passed++; t.passed++;
    if (verbose) console.log(`ok   ${group}: ${name}`);
  }
}

async function post(body, path = url) {
  try {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    try { return JSON.parse(text); } catch { return { httpError: `HTTP ${res.status}: ${text.slice(0, 300)}` }; }
  } catch (e) {
    return { httpError: String(e.cause ?? e) };
  }
}

// 1. graphql-http's audit of the GraphQL-over-HTTP spec. Accepted SHOULD failures are listed, with the
//    reason, in README.md under "## SHOULD audits we do not pass" as "- `<audit id>` …".
async function audits() {
  const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('SHOULD audits we do not pass')) ?? '';
  const accepted = new Set([...section.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]));
  for (const audit of serverAudits({ url })) {
    let result;
    try { result = await audit.fn(); } catch (e) { result = { status: 'error', reason: `audit threw: ${e}` }; }
    if (result.status === 'ok') record('http-audit', `${audit.id} ${audit.name}`, null);
    else if (audit.name.startsWith('MUST')) record('http-audit', `${audit.id} ${audit.name}`, `  ${result.reason}`);
    else if (accepted.has(audit.id)) record('http-audit', `${audit.id} ${audit.name} (not passed; reason in README)`, null);
    else record('http-audit', `${audit.id} ${audit.name}`, `  ${result.reason} (a SHOULD: pass it or list it in README.md with the reason)`);
  }
}

// 2. Introspection and SDL.
function sortedIntrospection(result) {
  const s = structuredClone(result.__schema);
  s.types.sort((a, b) => a.name.localeCompare(b.name));
  s.directives.sort((a, b) => a.name.localeCompare(b.name));
  return s;
}

async function introspection() {
  const full = getIntrospectionQuery({
    descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true,
  });
  const variants = [['default getIntrospectionQuery()', getIntrospectionQuery()], ['getIntrospectionQuery() with every option', full]];
  let client = null;
  for (const [label, query] of variants) {
    const ours = await post({ query });
    let problem = null;
    let built = null;
    if (ours.httpError || ours.errors) problem = `  ${ours.httpError ?? JSON.stringify(ours.errors)}`;
    else {
      try { built = buildClientSchema(ours.data); assertValidSchema(built); } catch (e) { problem = `  ${e.message ?? e}`; }
    }
    record('introspection', `${label}: buildClientSchema + assertValidSchema accept our result`, problem);
    if (!problem) {
      const expected = graphqlSync({ schema: referenceSchema, source: query }).data;
      const d = firstDifference(sortedIntrospection(expected), sortedIntrospection(ours.data));
      record('introspection', `${label}: same result as graphql-js for schema.graphql (types and directives compared by name)`, d && `  ${d}`);
      const orderExp = expected.__schema.types.map((t) => t.name).join(' ');
      const orderGot = ours.data.__schema.types.map((t) => t.name).join(' ');
      if (orderExp !== orderGot) console.log(`note introspection: __schema.types order differs from graphql-js\n  graphql-js: ${orderExp}\n  ours:       ${orderGot}`);
    }
    if (query === full) client = built;
  }
  const sdlFile = process.env.CONFORMANCE_SDL;
  if (!client) { record('sdl', 'printSchema of our introspection equals our SDL', '  no client schema (introspection failed)'); return; }
  const clientSdl = printSchema(client);
  const referenceSdl = printSchema(buildSchema(sdl));
  record('sdl', 'printSchema(buildClientSchema(our introspection)) equals printSchema(buildSchema(schema.graphql))',
    clientSdl === referenceSdl ? null : lineDiff(referenceSdl, clientSdl));
  let ourSdl = null;
  try { ourSdl = readFileSync(sdlFile, 'utf8'); } catch (e) { ourSdl = null; }
  record('sdl', 'our SchemaPrinter.Print equals graphql-js printSchema of the client schema',
    ourSdl === null ? `  cannot read CONFORMANCE_SDL (${sdlFile})` : ourSdl.trimEnd() === clientSdl.trimEnd() ? null : lineDiff(clientSdl, ourSdl));
}

function lineDiff(expected, got) {
  const a = expected.trimEnd().split('\n');
  const b = got.trimEnd().split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return `  first difference at line ${i + 1}:\n    expected: ${JSON.stringify(a[i])}\n    got:      ${JSON.stringify(b[i])}\n` +
        `  (${a.length} expected lines, ${b.length} got)`;
    }
  }
  return null;
}

// 3. The corpus: same acceptance, errors and results as graphql-js.
async function corpus() {
  const cases = loadCorpus();
  const { hits } = ruleCoverage(cases);
  const thin = [...hits].filter(([, n]) => n < 2).map(([r, n]) => `${r} (${n})`);
  record('corpus', `${cases.length} cases; every graphql-js validation rule rejects at least 2 of them`, thin.length ? `  too few cases for: ${thin.join(', ')}` : null);
  for (const c of cases.filter((x) => x.id.includes(filter))) {
    const reference = referenceRun(c);
    let ours;
    if (c.validateOnly) {
      if (reference.stage === 'execution') reference.result = {};
      reference.stage = reference.stage === 'execution' ? 'validation' : reference.stage;
      ours = await post({ query: c.query }, url.replace(/\/graphql$/, '/validate'));
    } else {
      ours = await post({ query: c.query, variables: c.variables, operationName: c.operationName });
    }
    record('corpus', c.id, compareCase(reference, ours));
  }
}

await audits();
await introspection();
await corpus();
console.log('\nConformance checks:');
for (const [group, t] of tally) console.log(`  ${group.padEnd(14)} ${String(t.passed).padStart(4)} passed, ${t.failed} failed`);
console.log(`conformance: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

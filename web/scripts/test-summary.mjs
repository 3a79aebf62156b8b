// Runs the unit tests (vitest) and ends with one line "web: N passed, N failed, N skipped" for tests/run.sh
// (skipped = it.skip and it.todo; tests/run.sh prints them and fails them under CI=true).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const polyfills = new URL('./node20-polyfills.mjs', import.meta.url).pathname;

const out = join(mkdtempSync(join(tmpdir(), 'cx-vitest-')), 'results.json');
// json first: it writes its file before the default reporter prints (and possibly crashes on) the failures.
const run = spawnSync('npx', ['vitest', 'run', '--reporter=json', '--reporter=default', `--outputFile.json=${out}`], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${polyfills}`.trim() },
});
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(out)) {
  const results = JSON.parse(readFileSync(out, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0);
  skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
  // Repeated from the JSON: vitest's default reporter can crash while printing failures (Map.groupBy needs
  // Node 21+), and then the log would not say why a test failed.
  for (const file of results.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'failed') console.log(`FAILED ${t.fullName}\n  ${(t.failureMessages?.[0] ?? '').split('\n').slice(0, 4).join('\n  ')}`);
    }
  }
  if (run.status !== 0 && failed === 0) failed = 1; // e.g. a file failed to load
} else {
  failed = 1;
}
console.log(`web: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);

// Authoring aid: prints what graphql-js answers for each corpus case (or those matching argv[2])
// and how often each validation rule is hit. `node corpus-report.mjs [filter] [--full]`
import { loadCorpus } from './lib/corpus.mjs';
import { ruleCoverage } from './lib/coverage.mjs';
import { referenceRun } from './lib/reference.mjs';

const filter = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '';
const full = process.argv.includes('--full');
const cases = loadCorpus();
const counts = { syntax: 0, validation: 0, execution: 0 };
for (const c of cases) {
  const r = referenceRun(c);
  counts[r.stage]++;
  if (!c.id.includes(filter)) continue;
  const errs = (r.result.errors ?? []).map((e) => `${e.message}${e.path ? ' @' + e.path.join('.') : ''}${e.locations ? ' ' + e.locations.map((l) => `${l.line}:${l.column}`).join(',') : ''}`);
  console.log(`${c.id} [${r.stage}]${r.result.data !== undefined ? ' data' : ''}`);
  for (const e of errs) console.log(`    ! ${e}`);
  if (full && r.result.data !== undefined) console.log('    ' + JSON.stringify(r.result.data));
}
const { hits, syntax } = ruleCoverage(cases);
console.log(`\n${cases.length} cases: ${counts.syntax} syntax errors, ${counts.validation} invalid, ${counts.execution} executed`);
for (const [rule, n] of hits) console.log(`  ${String(n).padStart(3)}  ${rule}`);

// Parse / validate / execute throughput of graphql-js on the benchmark documents (bench/*.graphql)
// against the conformance schema and data, side by side with our engine's figures for the same
// documents measured by `CxDashboard.Benchmarks graphql` (a JSON file, see bench.sh).
//   node bench.mjs [--seconds 2] [--clock cpu|wall] [--ours ours.json]
import { readFileSync } from 'node:fs';
import { execute, parse, validate } from 'graphql';
import { fieldResolver, schema, typeResolver } from './lib/reference.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const seconds = Number(arg('--seconds', '2'));
// cpu: operations per second of this process's CPU time (user + system, every thread); wall: per elapsed second
const clock = arg('--clock', 'cpu');
if (clock !== 'cpu' && clock !== 'wall') throw new Error('--clock cpu|wall');
const oursFile = arg('--ours', null);
export const documents = JSON.parse(readFileSync(new URL('./bench/documents.json', import.meta.url), 'utf8'));

/**
 * Operations per second of fn: warm up, then measure `windows` consecutive windows of `seconds / windows`
 * elapsed seconds each and keep the best window (a burst of load from other processes spoils a window,
 * not the figure). A window's rate divides its operations by the CPU time the process used meanwhile
 * (--clock cpu) or by its elapsed time (--clock wall). CxDashboard.Benchmarks measures the same way.
 */
const windows = 5;
function measure(fn) {
  const nowNs = () => process.hrtime.bigint();
  let stop = nowNs() + BigInt(Math.round(Math.min(0.5, seconds / 4) * 1e9));
  while (nowNs() < stop) fn();
  const windowNs = BigInt(Math.round((seconds / windows) * 1e9));
  let batch = 1;
  let best = 0;
  for (let w = 0; w < windows; w++) {
    let n = 0;
    const cpuStart = process.cpuUsage();
    const start = nowNs();
    stop = start + windowNs;
    let now = start;
    while (now < stop) {
      const batchStart = now;
      for (let i = 0; i < batch; i++) fn();
      n += batch;
      now = nowNs();
      // batches grow while they are short against the window (clock reads stay negligible)
      if ((now - batchStart) * 50n < windowNs) batch *= 2;
    }
    const cpu = process.cpuUsage(cpuStart);
    const rate = clock === 'wall' ? n / (Number(now - start) / 1e9) : n / ((cpu.user + cpu.system) / 1e6);
    best = Math.max(best, rate);
  }
  return best;
}

const results = {};
for (const d of documents) {
  const source = readFileSync(new URL(`./bench/${d.file}`, import.meta.url), 'utf8');
  const document = parse(source);
  if (validate(schema, document).length) throw new Error(`${d.name} is invalid`);
  const run = () => execute({ schema, document, variableValues: d.variables, fieldResolver, typeResolver });
  const probe = run();
  if (probe.errors) throw new Error(`${d.name} has errors: ${probe.errors[0].message}`);
  results[d.name] = {
    parse: measure(() => parse(source)),
    validate: measure(() => validate(schema, document)),
    execute: measure(run),
  };
}

const ours = oursFile ? JSON.parse(readFileSync(oursFile, 'utf8')).documents : null;
const fmt = (n) => (n === undefined ? '—' : Math.round(n).toLocaleString('en-US'));
const rows = [['document', 'stage', 'graphql-js ops/s', 'ours ops/s', 'ours / graphql-js']];
for (const d of documents) {
  for (const stage of ['parse', 'validate', 'execute']) {
    const js = results[d.name][stage];
    const o = ours?.[d.name]?.[stage];
    rows.push([d.name, stage, fmt(js), fmt(o), o === undefined ? '—' : `${(o / js).toFixed(2)}×`]);
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`GraphQL engine vs graphql-js ${JSON.parse(readFileSync(new URL('./node_modules/graphql/package.json', import.meta.url))).version} (node ${process.version}), ${seconds}s per figure (best of ${windows} windows), ops per ${clock} second`);
for (const r of rows) console.log(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));

// Comparison of a response of our server with graphql-js's answer, with precise difference reports.

const loc = (l) => `${l.line}:${l.column}`;
const errorKey = (e, withPath) =>
  `${withPath && e.path ? '@' + e.path.join('.') + ' ' : ''}${e.message}${e.locations ? ' (' + e.locations.map(loc).join(', ') + ')' : ''}`;

/** Sorted "message (line:col, …)" strings, with the response path first for field errors. */
export function errorList(errors, withPath) {
  return (errors ?? []).map((e) => errorKey(e, withPath)).sort();
}

function listDiff(expected, got) {
  const missing = expected.filter((x) => !got.includes(x));
  const extra = got.filter((x) => !expected.includes(x));
  const lines = [];
  for (const m of missing) lines.push(`    expected: ${m}`);
  for (const x of extra) lines.push(`    got:      ${x}`);
  if (lines.length === 0 && expected.length !== got.length) lines.push(`    expected ${expected.length} errors, got ${got.length} (duplicates differ)`);
  return lines;
}

/**
 * Compares one case. `reference` is referenceRun's answer, `ours` the parsed HTTP body (or an
 * { httpError } marker). Returns null when equal, else a multi-line description.
 */
export function compareCase(reference, ours) {
  if (ours.httpError) return `  no JSON response: ${ours.httpError}`;
  const ref = reference.result;
  const problems = [];
  if (reference.stage !== 'execution') {
    // A rejected document has no "data" key at all (spec: a request error); "data": null would claim execution ran.
    if (Object.hasOwn(ours, 'data'))
      problems.push(`  graphql-js rejects the document (${reference.stage}) with no "data" key but our response has data=${JSON.stringify(ours.data)}`);
    const exp = errorList(ref.errors, false);
    const got = errorList(ours.errors, false);
    if (JSON.stringify(exp) !== JSON.stringify(got)) problems.push(`  ${reference.stage} errors differ:`, ...listDiff(exp, got));
    return problems.length ? problems.join('\n') : null;
  }
  const refHasData = ref.data !== undefined;
  const oursHasData = ours.data !== undefined;
  if (refHasData !== oursHasData)
    problems.push(`  "data" ${refHasData ? 'expected' : 'not expected'} but ${oursHasData ? 'present' : 'absent'}`);
  else if (JSON.stringify(ref.data) !== JSON.stringify(ours.data)) {
    problems.push(`  data differs:\n    expected: ${JSON.stringify(ref.data)}\n    got:      ${JSON.stringify(ours.data)}`);
  }
  const exp = errorList(ref.errors, true);
  const got = errorList(ours.errors, true);
  if (JSON.stringify(exp) !== JSON.stringify(got)) problems.push('  errors differ:', ...listDiff(exp, got));
  return problems.length ? problems.join('\n') : null;
}

/** Deep equality that reports the first differing JSON path. */
export function firstDifference(a, b, path = '$') {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object')
    return `${path}: expected ${JSON.stringify(a)}, got ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: expected ${JSON.stringify(a)}, got ${JSON.stringify(b)}`;
  const keys = Array.isArray(a) ? [...Array(Math.max(a.length, b.length)).keys()] : [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    const label = Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`;
    if (!(k in a)) return `${label}: unexpected ${JSON.stringify(b[k])}`;
    if (!(k in b)) return `${label}: missing (expected ${JSON.stringify(a[k])})`;
    const d = firstDifference(a[k], b[k], label);
    if (d) return d;
  }
  if (!Array.isArray(a) && JSON.stringify(Object.keys(a)) !== JSON.stringify(Object.keys(b)))
    return `${path}: key order differs: expected ${Object.keys(a).join(',')}, got ${Object.keys(b).join(',')}`;
  return null;
}

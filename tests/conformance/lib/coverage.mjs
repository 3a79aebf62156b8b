// Which graphql-js validation rules the corpus exercises: each rule runs alone over every case.
import { parse, specifiedRules, validate } from 'graphql';
import { schema } from './reference.mjs';

export function ruleCoverage(cases) {
  const hits = new Map(specifiedRules.map((r) => [r.name, 0]));
  let syntax = 0;
  for (const c of cases) {
    let doc;
    try { doc = parse(c.query); } catch { syntax++; continue; }
    for (const rule of specifiedRules) if (validate(schema, doc, [rule]).length > 0) hits.set(rule.name, hits.get(rule.name) + 1);
  }
  return { hits, syntax };
}

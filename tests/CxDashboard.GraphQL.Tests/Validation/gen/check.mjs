// usage: node check.mjs RuleName|all < query
import * as g from '../../../conformance/node_modules/graphql/index.mjs';
import fs from 'fs';
const schema = g.buildSchema(fs.readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));
const rule = process.argv[2];
const src = fs.readFileSync(0, 'utf8');
const doc = g.parse(src);
const rules = rule === 'all' ? g.specifiedRules : [g[rule + 'Rule']];
for (const e of g.validate(schema, doc, rules)) console.log(e.message + ' @ ' + (e.locations ?? []).map(l => l.line + ':' + l.column).join(', '));

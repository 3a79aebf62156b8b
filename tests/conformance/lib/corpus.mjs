// Reads tests/conformance/corpus/*.graphql. Each file holds several cases:
//
//   ### case-name
//   #! variables: {"id": "1000"}        (optional, JSON)
//   #! operationName: Hero              (optional)
//   #! validate-only                    (optional: compare validation only, e.g. subscriptions,
//                                        which GraphQL over HTTP does not execute)
//   query Hero($id: ID!) { ... }         the document: every line up to the next "###"
//
// The document's line 1 is the first line after the "#!" lines, so error locations are relative to it.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const corpusDir = fileURLToPath(new URL('../corpus/', import.meta.url));

export function loadCorpus() {
  const cases = [];
  const names = new Set();
  for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.graphql')).sort()) {
    const lines = readFileSync(corpusDir + file, 'utf8').split('\n');
    let current = null;
    const finish = () => {
      if (!current) return;
      while (current.lines.length && current.lines.at(-1).trim() === '') current.lines.pop();
      current.query = current.lines.join('\n');
      delete current.lines;
      if (current.query.trim() === '' && !current.allowEmpty) throw new Error(`${current.id}: empty document`);
      cases.push(current);
    };
    for (const line of lines) {
      const header = /^### (\S+)\s*$/.exec(line);
      if (header) {
        finish();
        const id = `${file.replace(/\.graphql$/, '')}/${header[1]}`;
        if (names.has(id)) throw new Error(`duplicate case ${id}`);
        names.add(id);
        current = { id, file, lines: [], variables: undefined, operationName: undefined, validateOnly: false, inHeader: true };
        continue;
      }
      if (!current) {
        if (line.trim() !== '' && !line.startsWith('#')) throw new Error(`${file}: text before the first ### case`);
        continue;
      }
      const directive = current.inHeader && /^#! ?(\w[\w-]*)(?::\s*(.*))?$/.exec(line);
      if (directive) {
        const [, key, value] = directive;
        if (key === 'variables') current.variables = JSON.parse(value);
        else if (key === 'operationName') current.operationName = value.trim();
        else if (key === 'validate-only') current.validateOnly = true;
        else if (key === 'empty') current.allowEmpty = true;
        else throw new Error(`${current.id}: unknown directive #! ${key}`);
        continue;
      }
      current.inHeader = false;
      current.lines.push(line);
    }
    finish();
  }
  for (const c of cases) delete c.inHeader;
  return cases;
}

import { generate } from '@graphql-codegen/cli';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../codegen';

// The checked-in types must be what codegen makes today from api/schema.graphql and the documents under src/:
// a changed schema or operation without `npm run codegen` fails here (and a document the schema rejects fails codegen).
describe('generated GraphQL types', () => {
  it('are up to date with api/schema.graphql and the operations', async () => {
    const root = join(__dirname, '..', '..');
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const outputs = await generate({ ...config, cwd: root }, false);
      expect(outputs.length).toBeGreaterThan(0);
      for (const out of outputs) {
        const onDisk = readFileSync(join(root, out.filename), 'utf8');
        expect(onDisk === out.content, `${out.filename} is stale: run npm run codegen`).toBe(true);
      }
    } finally {
      process.chdir(cwd);
    }
  }, 60_000);
});

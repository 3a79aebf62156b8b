// Harness self-test: serves the reference (graphql-js + graphql-http) the way the C# test server serves
// our engine, so `CONFORMANCE_URL=http://127.0.0.1:PORT/graphql node run.mjs` must pass everything.
//   node selftest-server.mjs PORT SDL_OUT
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { execute, parse, printSchema, validate } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/http';
import { fieldResolver, schema, typeResolver } from './lib/reference.mjs';

const [port, sdlOut] = process.argv.slice(2);
writeFileSync(sdlOut, printSchema(schema));
const handler = createHandler({ schema, execute: (args) => execute({ ...args, fieldResolver, typeResolver }) });
createServer((req, res) => {
  if (req.url === '/validate') {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      let errors;
      try { errors = validate(schema, parse(JSON.parse(body).query)); } catch (e) { errors = [e]; }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(errors.length ? { errors } : {}));
    });
    return;
  }
  if (req.url.startsWith('/graphql')) return handler(req, res);
  res.writeHead(404).end();
}).listen(Number(port), '127.0.0.1');

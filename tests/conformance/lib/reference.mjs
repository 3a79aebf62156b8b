// The reference side: graphql-js (buildSchema over schema.graphql) with resolvers that are pure
// functions of data.json. The C# test server (tests/CxDashboard.GraphQL.TestServer) implements the
// same resolver rules (ConformanceData.cs); keep the two in step.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, execute, GraphQLError, Kind, parse, print, validate } from 'graphql';

const here = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
export const sdl = readFileSync(here('schema.graphql'), 'utf8');
export const data = JSON.parse(readFileSync(here('data.json'), 'utf8'));

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** JSON with object keys sorted (UTF-16 code unit order): how `echo` prints coerced arguments. */
export function canonicalJson(v) {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (typeof v === 'object') {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export const schema = buildSchema(sdl);
const date = schema.getType('Date');
date.serialize = (v) => {
  if (typeof v === 'string' && DATE.test(v)) return v;
  throw new GraphQLError(`Date cannot represent value: ${canonicalJson(v)}`);
};
date.parseValue = (v) => {
  if (typeof v === 'string' && DATE.test(v)) return v;
  throw new GraphQLError(`Date cannot represent value: ${canonicalJson(v)}`);
};
date.parseLiteral = (ast) => {
  if (ast.kind === Kind.STRING && DATE.test(ast.value)) return ast.value;
  throw new GraphQLError(`Date cannot represent literal: ${print(ast)}`, { nodes: ast });
};

function argPath(args, path) {
  let v = args;
  for (const part of path.split('.')) {
    if (v === null || v === undefined || typeof v !== 'object' || !(part in v)) return null;
    v = v[part];
  }
  return v ?? null;
}

function lookupKey(args, name) {
  if (!(name in args)) return '$absent';
  const v = args[name];
  return typeof v === 'string' ? v : canonicalJson(v);
}

/** Evaluates a data.json value spec with the field's coerced arguments (rules in data.json's $comment). */
export function evaluate(spec, args) {
  if (spec === null || spec === undefined) return null;
  if (Array.isArray(spec)) return spec.map((s) => evaluate(s, args));
  if (typeof spec !== 'object') return spec;
  if ('$ref' in spec) return data.objects[spec.$ref] ?? null;
  if ('$error' in spec) throw new Error(spec.$error);
  if ('$arg' in spec) return argPath(args, spec.$arg);
  if ('$lookup' in spec) {
    const key = lookupKey(args, spec.$lookup);
    return Object.hasOwn(spec.in, key) ? evaluate(spec.in[key], args) : null;
  }
  if ('$find' in spec) {
    const id = args[spec.$find];
    const o = typeof id === 'string' && Object.hasOwn(data.objects, id) ? data.objects[id] : null;
    return o && (!spec.types || spec.types.includes(o.__typename)) ? o : null;
  }
  if ('$slice' in spec) {
    const items = evaluate(spec.of, args);
    const start = Math.min(Math.max(args[spec.$slice[0]] ?? 0, 0), items.length);
    const count = Math.max(args[spec.$slice[1]] ?? items.length, 0);
    return items.slice(start, Math.min(items.length, start + count));
  }
  if ('$search' in spec) {
    const text = args[spec.$search];
    return evaluate(spec.of, args).filter((o) => o !== null && o.name.includes(text));
  }
  if ('$echo' in spec) return canonicalJson(args);
  if ('$object' in spec) {
    const o = {};
    for (const [k, v] of Object.entries(spec.$object)) o[k] = evaluate(v, args);
    return o;
  }
  return spec;
}

export function fieldResolver(source, args, _context, info) {
  const parent = info.path.prev === undefined ? data[info.parentType.name] : source;
  if (parent === null || typeof parent !== 'object') return null;
  return evaluate(parent[info.fieldName], args);
}

export function typeResolver(value) {
  return value.__typename;
}

/**
 * What graphql-js answers for a request: a syntax error, validation errors, or the execution result.
 * Returns { stage: 'syntax' | 'validation' | 'execution', result: { data?, errors? } } in JSON form.
 */
export function referenceRun({ query, variables, operationName }) {
  let document;
  try {
    document = parse(query);
  } catch (e) {
    if (!(e instanceof GraphQLError)) throw e;
    return { stage: 'syntax', result: { errors: [e.toJSON()] } };
  }
  const errors = validate(schema, document);
  if (errors.length > 0) return { stage: 'validation', result: { errors: errors.map((e) => e.toJSON()) } };
  const result = execute({ schema, document, variableValues: variables, operationName, fieldResolver, typeResolver });
  if (typeof result.then === 'function') throw new Error('resolvers are synchronous; execute must be too');
  return { stage: 'execution', result: JSON.parse(JSON.stringify(result)) };
}

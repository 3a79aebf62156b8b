# Source of the rule test classes in ../Rules: cases with hand-written expectations (locations given as
# needles in the query), each checked against graphql-js 16.15 (the reference) on the same schema
# (schema.graphql = ValidationTestSchema) before the C# classes are written. A mismatch is printed and
# must be resolved by hand. Needs `npm ci` in tests/conformance. Run: python3 gen.py
import json, subprocess, sys, re, os, importlib.util

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'Rules')

def locate(query, needle):
    if re.fullmatch(r'\d+:\d+', needle):
        l, c = needle.split(':'); return (int(l), int(c))
    occ = 1
    m = re.fullmatch(r'(.*)#(\d+)', needle, re.S)
    if m: needle, occ = m.group(1), int(m.group(2))
    idx = -1
    for _ in range(occ):
        idx = query.index(needle, idx + 1)
    before = query[:idx]
    line = before.count('\n') + 1
    col = idx - (before.rfind('\n') + 1) + 1
    return (line, col)

def oracle(rule, query):
    r = subprocess.run(['node', os.path.join(HERE, 'check.mjs'), rule], input=query, capture_output=True, text=True)
    if r.returncode != 0: return ['NODE ERROR ' + r.stderr[-500:]]
    return [l for l in r.stdout.split('\n') if l]

def show(msg, locs): return msg + ' @ ' + ', '.join(f'{l}:{c}' for l, c in locs)

def cs_str(s): return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'

def emit(cls, rule, cases, extra_usings=''):
    lines = ['using CxDashboard.GraphQL.Validation.Rules;', '', 'namespace CxDashboard.GraphQL.Tests.Validation.Rules;', '',
             f'/// <summary>{rule} (graphql-js {rule}Rule); expectations hand-worked, checked against graphql-js 16.</summary>' if rule != 'all' else '/// <summary>Every rule together, as the executor runs them.</summary>',
             f'public sealed class {cls} : ' + (f'RuleHarness<{rule}Rule>' if rule != 'all' else 'ValidationHarness'), '{']
    first = True
    for name, query, expected in cases:
        if not first: lines.append('')
        first = False
        lines.append('    [Fact]')
        q = '\n'.join('        ' + l if l else '' for l in query.split('\n'))
        if not expected:
            lines.append(f'    public void {name}() => ExpectValid("""')
            lines.append(q); lines.append('        """);')
        else:
            lines.append(f'    public void {name}() => ExpectErrors("""')
            lines.append(q); lines.append('        """,')
            errs = []
            for msg, locs in expected:
                errs.append('        Error(' + cs_str(msg) + ''.join(f', ({l}, {c})' for l, c in locs) + ')')
            lines.append(',\n'.join(errs) + ');')
    lines.append('}')
    with open(os.path.join(OUT, cls + '.cs'), 'w') as f: f.write('\n'.join(lines) + '\n')

failures = 0
def run(cls, rule, cases):
    global failures
    resolved = []
    for name, query, expected in cases:
        query = query.strip('\n')
        exp = [(m, [locate(query, n) for n in needles]) for m, *needles in expected]
        got = oracle(rule, query)
        want = [show(m, l) for m, l in exp]
        if got != want:
            failures += 1
            print(f'--- {cls}.{name}\n  mine:    ' + '\n           '.join(want) + '\n  graphql: ' + '\n           '.join(got))
        resolved.append((name, query, exp))
    emit(cls, rule, resolved)

for f in sorted(os.listdir(HERE)):
    if f.startswith('cases_') and f.endswith('.py'):
        ns = {'run': run}
        exec(open(os.path.join(HERE, f)).read(), ns)
print('mismatches:', failures)

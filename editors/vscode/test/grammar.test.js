// The TextMate grammar, tokenised as VS Code does (vscode-textmate + vscode-oniguruma):
// - golden scope snapshots of every example and every diagnostic example (NETDSL_UPDATE_GOLDEN=1 rewrites them);
// - every keyword of the shapes table (test/fixtures/keywords.txt, written from src/NetDsl/Syntax/Shapes.cs by
//   tests/NetDsl.LanguageServer.Tests) gets a keyword scope, so syntax added later cannot be forgotten here.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const here = __dirname;
const repo = path.resolve(here, '..', '..', '..');
const updating = process.env.NETDSL_UPDATE_GOLDEN === '1';

let registryPromise;
function grammar() {
  registryPromise ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
    await oniguruma.loadWASM(wasm);
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName) => scopeName === 'source.netdsl'
        ? vsctm.parseRawGrammar(fs.readFileSync(path.join(here, '..', 'syntaxes', 'netdsl.tmLanguage.json'), 'utf8'), 'netdsl.tmLanguage.json')
        : null,
    });
    return registry.loadGrammar('source.netdsl');
  })();
  return registryPromise;
}

/** Each line, then each non-blank token with its scopes (the root scope left out). */
async function snapshot(text) {
  const g = await grammar();
  let state = vsctm.INITIAL;
  const out = [];
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    const result = g.tokenizeLine(line, state);
    state = result.ruleStack;
    out.push('> ' + line);
    for (const t of result.tokens) {
      const piece = line.substring(t.startIndex, t.endIndex);
      if (piece.trim().length === 0) continue;
      out.push(`  ${JSON.stringify(piece)} ${t.scopes.slice(1).join(' ') || '-'}`);
    }
  }
  return out.join('\n') + '\n';
}

function matchesGolden(name, actual) {
  const file = path.join(here, 'snapshots', name + '.snap');
  if (updating) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    assert.fail(`snapshot ${name} rewritten (NETDSL_UPDATE_GOLDEN=1); run again without it`);
  }
  assert.ok(fs.existsSync(file), `snapshot ${name} is missing: NETDSL_UPDATE_GOLDEN=1 npm test writes it`);
  assert.strictEqual(actual, fs.readFileSync(file, 'utf8'), `scopes differ from ${path.relative(repo, file)} (NETDSL_UPDATE_GOLDEN=1 rewrites it)`);
}

function netdslFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? netdslFiles(path.join(dir, e.name)) : e.name.endsWith('.netdsl') ? [path.join(dir, e.name)] : []);
}

const examples = netdslFiles(path.join(repo, 'examples'));
const diagnostics = netdslFiles(path.join(here, 'fixtures', 'diagnostics'));

test('there is something to snapshot', () => {
  assert.ok(examples.length >= 2, 'examples found');
  assert.ok(diagnostics.length >= 50, 'diagnostic examples found (written by tests/NetDsl.LanguageServer.Tests)');
});

for (const file of [...examples, ...diagnostics]) {
  const name = path.relative(repo, file).replace(/[\\/]/g, '_').replace(/\.netdsl$/, '');
  test(`scopes of ${path.relative(repo, file)}`, async () => matchesGolden(name, await snapshot(fs.readFileSync(file, 'utf8'))));
}

test('every keyword of the shapes table gets a keyword scope', async () => {
  const keywords = fs.readFileSync(path.join(here, 'fixtures', 'keywords.txt'), 'utf8').split('\n').filter((k) => k.length > 0);
  assert.ok(keywords.length >= 40, 'keywords found');
  const g = await grammar();
  const missing = [];
  for (const keyword of keywords) {
    for (const line of [`${keyword} x`, `  ${keyword} x`, `x { ${keyword} x }`]) {
      const tokens = g.tokenizeLine(line, vsctm.INITIAL).tokens;
      const token = tokens.find((t) => line.substring(t.startIndex, t.endIndex) === keyword);
      if (!token || !token.scopes.some((s) => s.startsWith('keyword.'))) missing.push(`${JSON.stringify(line)}: ${token ? token.scopes.join(' ') : 'not one token'}`);
    }
  }
  assert.deepStrictEqual(missing, []);
});

test('the parts of a line get the scopes a theme colours', async () => {
  const g = await grammar();
  const line = 'let P = 2001:db8::/48  # note';
  const scopes = (piece) => {
    const t = g.tokenizeLine(line, vsctm.INITIAL).tokens.find((x) => line.substring(x.startIndex, x.endIndex) === piece);
    return t ? t.scopes.join(' ') : 'none';
  };
  assert.match(scopes('let'), /keyword\.control\.statement/);
  assert.match(scopes('P'), /entity\.name/);
  assert.match(scopes('2001:db8::/48'), /constant\.numeric\.address\.ipv6/);
  assert.match(scopes('# note'), /comment\.line/);
  const composed = 'interface e0 address ROUTINGPREFIX:ffff::1/64';
  const tokens = g.tokenizeLine(composed, vsctm.INITIAL).tokens.map((t) => [composed.substring(t.startIndex, t.endIndex), t.scopes.at(-1)]);
  assert.deepStrictEqual(tokens.filter(([p]) => p.startsWith('ROUTING') || p.startsWith(':ffff')),
    [['ROUTINGPREFIX', 'variable.other.constant.parameter.netdsl'], [':ffff::1/64', 'constant.numeric.address.ipv6.netdsl']]);
  const bad = 'image "a\\q"';
  assert.ok(g.tokenizeLine(bad, vsctm.INITIAL).tokens.some((t) => t.scopes.includes('invalid.illegal.escape.netdsl')), 'a bad escape is marked');
});

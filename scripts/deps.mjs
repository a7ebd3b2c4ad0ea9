#!/usr/bin/env node
/**
 * `npm run deps`: the server's module graph as dependency-cruiser sees it (non-test source), one
 * line per module with the modules it imports, and the layers it stands on. Exits 1 when modules
 * form a cycle (printed), which `npm run lint` treats as a failure like any other boundary rule.
 */
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const { output } = await cruise(['server/src'], {
  ...options,
  exclude: { path: ['node_modules', '/dist/', '\\.test\\.ts$', 'server/src/migrations/'] },
  validate: false,
});

/** The unit a file belongs to: a module by name, else its top folder under server/src. */
const unitOf = (file) => {
  const match = /^server\/src\/(?:modules\/([^/]+)\/|([^/]+)\/|([^/]+)$)/.exec(file);
  if (!match) return null;
  if (match[1]) return match[1];
  return `(${match[2] ?? match[3].replace(/\.ts$/, '')})`;
};

const edges = new Map();
for (const module of output.modules) {
  const from = unitOf(module.source);
  if (!from) continue;
  if (!edges.has(from)) edges.set(from, new Set());
  for (const dependency of module.dependencies) {
    const to = unitOf(dependency.resolved);
    if (to && to !== from) edges.get(from).add(to);
  }
}

// Tarjan's strongly connected components over the modules (layers in parentheses included).
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
let counter = 0;
function connect(node) {
  index.set(node, counter);
  low.set(node, counter);
  counter += 1;
  stack.push(node);
  onStack.add(node);
  for (const next of edges.get(node) ?? []) {
    if (!index.has(next)) {
      connect(next);
      low.set(node, Math.min(low.get(node), low.get(next)));
    } else if (onStack.has(next)) {
      low.set(node, Math.min(low.get(node), index.get(next)));
    }
  }
  if (low.get(node) === index.get(node)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  }
}
for (const node of edges.keys()) if (!index.has(node)) connect(node);

const layerNames = new Set(['(core)', '(config)']);
const modules = [...edges.keys()].filter((unit) => !unit.startsWith('(')).sort();
const others = [...edges.keys()].filter((unit) => unit.startsWith('(')).sort();
const width = Math.max(...[...edges.keys()].map((unit) => unit.length));
const line = (unit) => {
  const targets = [...edges.get(unit)].sort();
  const peers = targets.filter((target) => !layerNames.has(target));
  const layers = targets.filter((target) => layerNames.has(target));
  return `  ${unit.padEnd(width)}  → ${peers.join(', ') || '—'}${layers.length ? `   [${layers.join(' ')}]` : ''}`;
};
console.log(`Modules (${modules.length}) and what each imports, non-test source:`);
for (const unit of modules) console.log(line(unit));
console.log('\nWiring, tools and layers:');
for (const unit of others) console.log(line(unit));

if (cycles.length > 0) {
  console.error(`\n✘ ${cycles.length} cycle(s) between modules:`);
  for (const cycle of cycles) console.error(`  ${cycle.join(' ⇄ ')}`);
  process.exit(1);
}
console.log(`\n✔ no cycle between modules (${modules.length} modules)`);

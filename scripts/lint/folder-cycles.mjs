// Import cycles between folders: reads dependency-cruiser's JSON (stdin, type-only imports
// included), folds every module into its area — a folder of lib/ or components/ (`lib/alerts`,
// `components/api`), a file directly in one (`lib/env.ts`), or a top-level folder (`app`) — and
// reports each group of areas that import one another in a circle. Exit 1 if any.
import fs from 'node:fs';

const { modules } = JSON.parse(fs.readFileSync(0, 'utf8'));
function folderOf(file) {
  const parts = file.split('/');
  return parts[0] === 'lib' || parts[0] === 'components' ? parts.slice(0, 2).join('/') : parts[0];
}
const edges = new Map(); // folder -> Map(folder -> an example "from -> to")
for (const m of modules) {
  if (m.coreModule || m.couldNotResolve || m.source.includes('node_modules')) continue;
  for (const d of m.dependencies) {
    if (d.coreModule || d.couldNotResolve || d.resolved.includes('node_modules')) continue;
    const [a, b] = [folderOf(m.source), folderOf(d.resolved)];
    if (a === b) continue;
    if (!edges.has(a)) edges.set(a, new Map());
    if (!edges.get(a).has(b)) edges.get(a).set(b, `${m.source} -> ${d.resolved}`);
  }
}

// Tarjan's strongly connected components
let index = 0;
const idx = new Map(),
  low = new Map(),
  stack = [],
  on = new Set(),
  groups = [];
function visit(v) {
  idx.set(v, index);
  low.set(v, index++);
  stack.push(v);
  on.add(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!idx.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const g = [];
    let w;
    do {
      w = stack.pop();
      on.delete(w);
      g.push(w);
    } while (w !== v);
    if (g.length > 1) groups.push(g.sort());
  }
}
for (const v of edges.keys()) if (!idx.has(v)) visit(v);

for (const g of groups) {
  console.error(`Folders importing one another in a circle: ${g.join(', ')}`);
  for (const a of g) for (const [b, example] of edges.get(a) ?? []) if (g.includes(b)) console.error(`  ${a} -> ${b}   e.g. ${example}`);
}
if (groups.length) process.exit(1);
console.log(`No import cycle between folders (${edges.size} with imports).`);

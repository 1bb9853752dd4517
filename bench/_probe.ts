import { openDataset } from './dataset';
async function main() {
  const n = Number(process.argv[2]);
  const d = await openDataset(n, console.log);
  console.log(JSON.stringify(d.meta, null, 1));
  d.lake.close();
}
void main();

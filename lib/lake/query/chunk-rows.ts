import type { DuckDBDataChunk, DuckDBType } from '@duckdb/node-api';
import { formatCell } from './format-cell';

/**
 * A chunk's rows as Lake-formatted cell strings. Read column by column: `chunk.getRows()` builds
 * every row through generic accessors and costs several times the formatting itself.
 */
export function* chunkRowCells(chunk: DuckDBDataChunk, types: DuckDBType[]): Generator<string[]> {
  const vectors = types.map((_, i) => chunk.getColumnVector(i));
  for (let r = 0; r < chunk.rowCount; r++) {
    const cells = new Array<string>(vectors.length);
    for (let c = 0; c < vectors.length; c++) cells[c] = formatCell(vectors[c].getItem(r), types[c]);
    yield cells;
  }
}

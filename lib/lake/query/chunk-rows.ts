import { DuckDBTypeId, type DuckDBDataChunk, type DuckDBType, type DuckDBValue } from '../engine/duckdb-api';
import { formatCell } from './format-cell';

/**
 * A chunk's rows as Lake-formatted cell strings, null for a NULL cell. Read column by column: `chunk.getRows()` builds
 * every row through generic accessors and costs several times the formatting itself. Text, the
 * commonest column type, needs no formatting.
 */
export function* chunkRowCells(chunk: DuckDBDataChunk, types: DuckDBType[]): Generator<(string | null)[]> {
  const vectors = types.map((_, i) => chunk.getColumnVector(i));
  const formats = types.map((t) => (t.typeId === DuckDBTypeId.VARCHAR ? textCell : (v: DuckDBValue) => (v === null ? null : formatCell(v, t))));
  for (let r = 0; r < chunk.rowCount; r++) {
    const cells = new Array<string | null>(vectors.length);
    for (let c = 0; c < vectors.length; c++) cells[c] = formats[c](vectors[c].getItem(r));
    yield cells;
  }
}

const textCell = (v: DuckDBValue): string | null => (v === null ? null : (v as string));

import { FUNCTION_CASES, REFUSED_NAMES, type Expected } from '../../tests/conformance/trino-functions';

export const FUNCTIONS_BEGIN = '<!-- functions: written by `npm run compat:functions` from tests/conformance/trino-functions.ts -->';
export const FUNCTIONS_END = '<!-- /functions -->';

/**
 * The "Functions and cells" part of docs/compatibility.md: how cells are printed (with the
 * evidence for each choice) and every accepted function with its conformance cases and
 * limitations, from the conformance table. Deterministic, so a test can check the doc is current.
 */
export function renderFunctionsSection(): string {
  const show = (e: Expected) => (e === null ? 'NULL' : typeof e === 'object' ? `fails: ${e.error || 'an error'}` : e === '' ? '*(empty string)*' : code(e));
  const out: string[] = [
    FUNCTIONS_BEGIN,
    '## Functions and cells',
    '',
    'Every function and operator the lake accepts, with the cases of its conformance table (`tests/conformance/trino-functions.ts`): what the Trino documentation says each returns, as GetQueryResults prints it. `tests/unit/conformance.test.ts` runs the table in process and `tests/integration/conformance-api.test.ts` through the CloudTrail API (StartQuery / GetQueryResults over the AWS SDK); both fail on any case that differs, and the unit test fails when an accepted function has no case. A differential check (`tests/conformance/differential.ts`) runs the string, NULL and comparison functions over NULL-bearing columns (`errorCode`, `userIdentity.userName`, a map lookup of a missing key) of the fixture events and the demo store and compares each row with a model of the documented answer.',
    '',
    `Names that are not Trino functions are refused with Trino's \`Function 'x' not registered\`, whatever DuckDB calls them: ${REFUSED_NAMES.map(code).join(', ')}. (Trino's own names for what these do in DuckDB: \`day_of_week\`/\`dow\`, \`day_of_year\`/\`doy\`, \`levenshtein_distance\`, \`hamming_distance\`, \`codepoint\`.)`,
    '',
    '### How cells are printed',
    '',
    'GetQueryResults returns every cell as a string (`QueryResultRows`: a list of rows, each a list of one-entry `{column: value}` maps; the API model types the value as a plain string). What each kind of value looks like:',
    '',
    '| Value | Cell | Evidence |',
    '|---|---|---|',
    "| NULL | *(empty string)*, the cell kept in place | AWS documents no NULL form; the model's `QueryResultColumn` is a map of string to string, which cannot carry a JSON null, and dropping the cell would shift the columns of clients that read cells by position. So a NULL and an empty string look alike on the wire: test NULLs in SQL (`x IS NULL`, `coalesce(x, 'NULL')`) when the difference matters. |",
    '| boolean | `true` / `false` | API reference examples (`"readOnly": "false"`). |',
    '| integer, bigint | decimal digits (`96059`) | API reference example (`"apiCount": "96059"`). |',
    "| double | Java `Double.toString`: `2.0`, `0.30000000000000004`, `1.0E7`, `NaN`, `Infinity` | Trino renders doubles with Java's `Double.toString` (e.g. `avg` of integers gives `1.0`). |",
    "| decimal literal | digits with the literal's scale: `1.5 * 2` → `3.0` | Trino keeps the decimal type of `1.5` (decimal(2,1)); the scale carries to the result. |",
    '| timestamp | `YYYY-MM-DD HH:MM:SS.mmm` (`2023-01-22 16:53:53.000`) | API reference examples of `eventTime` cells. |',
    '| timestamp with time zone | the same, then ` UTC` (`1970-01-01 00:00:00.000 UTC`) | Trino prints the zone after the time; the session zone of CloudTrail Lake is UTC. |',
    "| array | `[a, b, null]` | Trino's (Java) text of a list; a NULL element is `null`. |",
    "| map | `{key=value, key2=value2}` | A practitioner's Lake client re-parses map columns in this Java `Map.toString()` form (`../shared/reference/cloudtrail-lake-api.md`). |",
    '| row | `{field=value, ...}` | As maps (`tlsDetails` → `{tlsversion=TLSv1.3, ...}`). |',
    '| json | compact JSON text (`[1,2]`, `"x"`) | Trino prints JSON values as their canonical text. |',
    '',
    'The workbench keeps NULL apart from an empty string where the lake can say which is which: calling the built-in lake in process, it asks (header `x-trailbench-null-cells: marked`, `lib/lake/api/null-cells.ts`) for NULL cells to carry a mark that no CloudTrail value holds. Its results API then gives `null`, the grid shows a dimmed *NULL*, a CSV export leaves the field empty and quotes an empty string (`""`), and a JSON Lines export writes `null`. Over the public wire (AWS CloudTrail Lake, or any AWS client of this lake) a NULL is an empty string, so there the two cannot be told apart.',
    '',
    '### Statistics',
    '',
    "`EventsMatched` (DescribeQuery) is what CloudTrail documents: the number of events that matched the query, i.e. passed its filter, not the number of result rows. The lake counts, for each SELECT that reads one event data store alone, the events of that store that pass its `WHERE` (a second, filter-only count after the query; none for a plain listing of one store, whose rows are the matched events), and adds them up: `SELECT count(*) ... WHERE eventName = 'ConsoleLogin'` matches every ConsoleLogin event although it returns one row. Where no SELECT reads a store alone (a join) or a filter holds a subquery, the result's row count stands in.",
    '',
    '### Functions',
    '',
  ];
  for (const e of FUNCTION_CASES) {
    out.push(`#### \`${e.name}\``, '');
    if (e.limits) out.push(`Limitation: ${e.limits}`, '');
    out.push('| Expression | Result |', '|---|---|', ...e.cases.map(([expr, exp]) => `| ${code(expr)} | ${show(exp)} |`), '');
  }
  out.push(FUNCTIONS_END);
  return out.join('\n');
}

/** Inline code safe inside a Markdown table cell. */
function code(s: string): string {
  const text = s.replaceAll('|', '\\|');
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** The document with its functions section replaced (or appended when it has none). */
export function withFunctionsSection(doc: string): string {
  const section = renderFunctionsSection();
  const start = doc.indexOf(FUNCTIONS_BEGIN);
  const end = doc.indexOf(FUNCTIONS_END);
  if (start < 0 || end < 0) return `${doc.trimEnd()}\n\n${section}\n`;
  return doc.slice(0, start) + section + doc.slice(end + FUNCTIONS_END.length);
}

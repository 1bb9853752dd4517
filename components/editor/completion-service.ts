// Autocomplete for `trinosql`: plugged into monaco-sql-languages as its completionService, so one
// list holds the grammar's keywords and our schema-aware items. Client-only (imports Monaco).
import { languages, Range, type Position } from 'monaco-editor';
import type { CompletionService, ICompletionItem } from 'monaco-sql-languages/esm/monaco.contribution';
import { fieldsFor, type Field } from '../../lib/lake/schema';
import { completionContext } from './completion-context';
import { currentEditorContext } from './editor-context';
import { displayName } from './field-names';
import { FUNCTION_DOCS } from './function-docs';
import { mapKeysFor } from './map-keys';
import { mapFieldAt, membersAfter, typeLabel } from './schema-paths';

const Kind = languages.CompletionItemKind;
const AS_SNIPPET = languages.CompletionItemInsertTextRule.InsertAsSnippet;

export const completionService: CompletionService = async (model, position, _context, suggestions, _entities, snippets) => {
  const textBefore = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
  const ctx = completionContext(textBefore);
  const { shape, stores, sampledMapKeys, sampledValues } = currentEditorContext();
  const fields = fieldsFor(shape);

  switch (ctx.kind) {
    case 'none':
      return [];
    case 'member': {
      const members = membersAfter(fields, ctx.path);
      return members ? members.map((f, i) => fieldItem(f, String(i).padStart(3, '0'))) : [];
    }
    case 'map-key': {
      const map = mapFieldAt(fields, ctx.path);
      if (!map) return [];
      const sampled = sampledMapKeys[map.name] ?? [];
      const range = rangeBack(position, ctx.prefix.length);
      return mapKeysFor(map.name, sampled).map((key, i) => ({
        label: key,
        kind: Kind.Value,
        detail: sampled.includes(key) ? `key seen in this store` : `common key of ${displayName(map)}`,
        insertText: key.replaceAll("'", "''"),
        sortText: String(i).padStart(3, '0'),
        range,
      }));
    }
    case 'value': {
      // The path may start with a table alias: `t.eventName` is looked up as `eventname`.
      const key = ctx.path.map((_, i) => ctx.path.slice(i).join('.')).find((k) => sampledValues[k]);
      const range = rangeBack(position, ctx.prefix.length);
      return (key ? sampledValues[key] : []).map((value, i) => ({
        label: value,
        kind: Kind.Value,
        detail: 'frequent value in this store',
        insertText: value.replaceAll("'", "''"),
        sortText: String(i).padStart(3, '0'),
        range,
      }));
    }
    case 'table': {
      const range = rangeBack(position, ctx.prefix.length);
      const items: ICompletionItem[] = [
        { label: '$EDS_ID', kind: Kind.Variable, detail: 'the picked event data store', insertText: '$EDS_ID', sortText: '0', range },
      ];
      stores.forEach((s, i) => {
        const doc = `Event data store "${s.name}"\n\n${s.id}`;
        items.push({
          label: { label: s.name, description: s.id },
          kind: Kind.Module,
          detail: s.id,
          documentation: doc,
          insertText: s.id,
          filterText: s.name,
          sortText: `1${i}`,
          range,
        });
        items.push({
          label: { label: s.id, description: s.name },
          kind: Kind.Module,
          detail: s.name,
          documentation: doc,
          insertText: s.id,
          sortText: `2${i}`,
          range,
        });
      });
      return items;
    }
    case 'general': {
      const columns = fields.map((f, i) => fieldItem(f, `a${String(i).padStart(3, '0')}`));
      const functions = Object.entries(FUNCTION_DOCS).map(([name, fn]): ICompletionItem => ({
        label: { label: name, detail: fn.signature.slice(name.length).split(' → ')[0], description: fn.category },
        kind: Kind.Function,
        detail: fn.signature,
        documentation: fn.doc,
        insertText: `${name}($0)`,
        insertTextRules: AS_SNIPPET,
        sortText: `b${name}`,
      }));
      const keywords = (suggestions?.keywords ?? []).map((kw): ICompletionItem => ({ label: kw, kind: Kind.Keyword, detail: 'keyword', sortText: `c${kw}` }));
      const templates = (snippets ?? []).map((sn): ICompletionItem => ({
        label: sn.label || sn.prefix,
        kind: Kind.Snippet,
        filterText: sn.prefix,
        insertText: sn.insertText,
        insertTextRules: AS_SNIPPET,
        detail: sn.description || 'snippet',
        documentation: sn.insertText,
        sortText: `d${sn.prefix}`,
      }));
      return [...columns, ...functions, ...keywords, ...templates];
    }
  }
};

function fieldItem(f: Field, sortText: string): ICompletionItem {
  const name = displayName(f);
  const expandable = f.type.kind === 'struct';
  return {
    label: { label: name, description: typeLabel(f.type) },
    kind: expandable ? Kind.Struct : f.type.kind === 'map' ? Kind.Property : Kind.Field,
    detail: typeLabel(f.type),
    documentation: f.description,
    insertText: name,
    filterText: name,
    sortText,
  };
}

/** The range from `length` characters before the cursor to the cursor (a prefix with `$` or `-` in it). */
function rangeBack(position: Position, length: number): Range {
  return new Range(position.lineNumber, Math.max(1, position.column - length), position.lineNumber, position.column);
}

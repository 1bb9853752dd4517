'use client';

import { useId } from 'react';

/** Keyboard shortcuts of the editor (Monaco's defaults plus Run), as `Mod` = Ctrl or ⌘. */
export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ['Mod', 'Enter'], action: 'Run the query, or only the selected text' },
  { keys: ['Shift', 'Alt', 'F'], action: 'Format SQL (the selection, or everything)' },
  { keys: ['Mod', '/'], action: 'Comment or uncomment the selected lines' },
  { keys: ['Shift', 'Alt', 'A'], action: 'Toggle a block comment' },
  { keys: ['Ctrl', 'Space'], action: 'Show suggestions (columns, fields, functions, stores)' },
  { keys: ['Mod', 'F'], action: 'Find' },
  { keys: ['Mod', 'H'], action: 'Find and replace' },
  { keys: ['Mod', 'Z'], action: 'Undo' },
  { keys: ['Mod', 'Shift', 'Z'], action: 'Redo' },
  { keys: ['Alt', '↑ / ↓'], action: 'Move the line up or down' },
  { keys: ['Mod', 'D'], action: 'Select the next occurrence' },
  { keys: ['F1'], action: 'All editor commands' },
];

/** A "Shortcuts" button that opens the list in a popover (Esc or a click outside closes it). */
export function ShortcutsHelp() {
  const id = useId().replace(/:/g, '');
  const titleId = `${id}-title`;
  return (
    <>
      <button type="button" className="btn btn-small" popoverTarget={`${id}-popover`} aria-haspopup="dialog" title="Keyboard shortcuts">
        Shortcuts
      </button>
      <div id={`${id}-popover`} popover="auto" role="dialog" aria-labelledby={titleId} className="shortcuts-popover">
        <h2 id={titleId}>Keyboard shortcuts</h2>
        <table className="shortcuts-table">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <th scope="row">
                  {s.keys.map((k, i) => (
                    <span key={i}>
                      {i > 0 && '+'}
                      <kbd>{k === 'Mod' ? 'Ctrl/⌘' : k}</kbd>
                    </span>
                  ))}
                </th>
                <td>{s.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="btn btn-small" popoverTarget={`${id}-popover`} popoverTargetAction="hide">
          Close
        </button>
      </div>
    </>
  );
}

'use client';

import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Insertion } from '../editor/schema-paths';
import { filterNodes, type PropNode } from './property-nodes';

interface PropertyTreeProps {
  nodes: PropNode[];
  onInsert: (insertion: Insertion) => void;
}

interface Visible {
  node: PropNode;
  level: number;
  parentId?: string;
}

/**
 * The event schema as an ARIA tree. Clicking a row (or Enter) inserts its expression at the
 * editor's cursor; the chevron (or ←/→) opens structs, maps and sampled values.
 */
export function PropertyTree({ nodes, onInsert }: PropertyTreeProps) {
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [focusedId, setFocusedId] = useState<string | undefined>(undefined);
  const treeRef = useRef<HTMLUListElement>(null);

  const shown = useMemo(() => filterNodes(nodes, filter), [nodes, filter]);
  const filtering = filter.trim() !== '';
  const isOpen = (id: string) => filtering || expanded.has(id);

  const visible = useMemo(() => {
    const out: Visible[] = [];
    const walk = (list: PropNode[], level: number, parentId?: string) => {
      for (const node of list) {
        out.push({ node, level, parentId });
        if (node.children && (filtering || expanded.has(node.id))) walk(node.children, level + 1, node.id);
      }
    };
    walk(shown, 1);
    return out;
  }, [shown, expanded, filtering]);

  const current = visible.find((v) => v.node.id === focusedId) ?? visible[0];

  const toggle = (id: string, open?: boolean) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (open ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  const focusNode = (id: string) => {
    setFocusedId(id);
    requestAnimationFrame(() => treeRef.current?.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(id)}"]`)?.focus());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (!current) return;
    const i = visible.indexOf(current);
    const { node } = current;
    let handled = true;
    if (e.key === 'ArrowDown' && i < visible.length - 1) focusNode(visible[i + 1].node.id);
    else if (e.key === 'ArrowUp' && i > 0) focusNode(visible[i - 1].node.id);
    else if (e.key === 'Home') focusNode(visible[0].node.id);
    else if (e.key === 'End') focusNode(visible[visible.length - 1].node.id);
    else if (e.key === 'ArrowRight' && node.children) {
      if (!isOpen(node.id)) toggle(node.id, true);
      else focusNode(node.children[0].id);
    } else if (e.key === 'ArrowLeft') {
      if (node.children && isOpen(node.id) && !filtering) toggle(node.id, false);
      else if (current.parentId) focusNode(current.parentId);
    } else if (e.key === 'Enter' || e.key === ' ') onInsert(node.insertion);
    else handled = false;
    if (handled) e.preventDefault();
  };

  const renderNodes = (list: PropNode[], level: number) =>
    list.map((node, i) => {
      const open = node.children ? isOpen(node.id) : undefined;
      return (
        <li
          key={node.id}
          role="treeitem"
          aria-label={node.label}
          aria-level={level}
          aria-setsize={list.length}
          aria-posinset={i + 1}
          aria-expanded={open}
          aria-selected={false}
          tabIndex={current?.node.id === node.id ? 0 : -1}
          data-node-id={node.id}
          onFocus={(e) => {
            if (e.target === e.currentTarget) setFocusedId(node.id);
          }}
        >
          <div
            className="tree-row"
            style={{ paddingLeft: `${(level - 1) * 14 + 4}px` }}
            title={node.description ? `${node.description}\nClick to insert ${node.insertion.text}` : `Click to insert ${node.insertion.text}`}
            onClick={(e) => {
              e.stopPropagation();
              setFocusedId(node.id);
              onInsert(node.insertion);
            }}
          >
            {node.children ? (
              <span
                className={`tree-chevron${open ? ' open' : ''}`}
                aria-hidden="true"
                onClick={(e) => {
                  e.stopPropagation();
                  setFocusedId(node.id);
                  toggle(node.id);
                }}
              />
            ) : (
              <span className="tree-chevron-space" aria-hidden="true" />
            )}
            <span className="tree-name">{node.label}</span>
            <span className="tree-type">{node.detail}</span>
            {node.description && <span className="tree-desc">{node.description}</span>}
          </div>
          {node.children && open && <ul role="group">{renderNodes(node.children, level + 1)}</ul>}
        </li>
      );
    });

  return (
    <div className="property-tree">
      <input
        type="search"
        className="sidebar-search"
        placeholder="Filter properties"
        aria-label="Filter event properties"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <p className="muted sidebar-count">Click a property to insert it at the cursor; ▸ opens structs, maps and values.</p>
      <ul role="tree" aria-label="Event properties" className="tree" ref={treeRef} onKeyDown={onKeyDown}>
        {renderNodes(shown, 1)}
      </ul>
    </div>
  );
}

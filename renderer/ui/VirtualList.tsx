import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, useRef } from 'react';

export interface VirtualListProps<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  /** Estimated row height in pixels; rows are measured once rendered. */
  estimateSize: number;
  renderItem: (item: T, index: number, selected: boolean) => ReactNode;
  selectedKey: string | null;
  onSelect: (item: T) => void;
  label: string;
  height?: string;
}

/**
 * A long list that renders only what is on screen (hundreds of checklist items, thousands of
 * findings) and can be driven from the keyboard: ↑/↓ move, Home/End jump, Enter selects.
 */
export function VirtualList<T>({
  items,
  keyOf,
  estimateSize,
  renderItem,
  selectedKey,
  onSelect,
  label,
  height = '70vh',
}: VirtualListProps<T>) {
  const parentRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back fresh functions on each render, which React Compiler cannot
  // memoise; we do not use the compiler, so the rule's warning does not apply here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => estimateSize,
    overscan: 8,
    getItemKey: (index) => {
      const item = items[index];
      return item === undefined ? index : keyOf(item);
    },
  });
  const selectedIndex = items.findIndex((item) => keyOf(item) === selectedKey);

  function move(event: KeyboardEvent<HTMLDivElement>) {
    const last = items.length - 1;
    const next =
      event.key === 'ArrowDown'
        ? Math.min(last, selectedIndex + 1)
        : event.key === 'ArrowUp'
          ? Math.max(0, selectedIndex - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null || last < 0) return;
    event.preventDefault();
    const item = items[next];
    if (item === undefined) return;
    onSelect(item);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  return (
    <div
      ref={parentRef}
      className="virtual-list"
      style={{ height, overflow: 'auto' }}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      onKeyDown={move}
      aria-activedescendant={selectedKey ? `option-${selectedKey}` : undefined}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          if (item === undefined) return null;
          const key = keyOf(item);
          const selected = key === selectedKey;
          return (
            <div
              key={row.key}
              id={`option-${key}`}
              role="option"
              aria-selected={selected}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className={selected ? 'virtual-row selected' : 'virtual-row'}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${row.start}px)`,
              }}
              onClick={() => onSelect(item)}
            >
              {renderItem(item, row.index, selected)}
            </div>
          );
        })}
      </div>
    </div>
  );
}

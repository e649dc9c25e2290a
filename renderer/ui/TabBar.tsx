/** A row of tabs; the caller renders the selected panel. */
export interface TabBarProps<T extends string> {
  label: string;
  tabs: readonly T[];
  selected: T;
  labelOf: (tab: T) => string;
  onSelect: (tab: T) => void;
  className?: string;
}

export function TabBar<T extends string>({
  label,
  tabs,
  selected,
  labelOf,
  onSelect,
  className = 'tabs',
}: TabBarProps<T>) {
  return (
    <nav className={className} role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          aria-selected={tab === selected}
          className={tab === selected ? 'tab active' : 'tab'}
          onClick={() => onSelect(tab)}
        >
          {labelOf(tab)}
        </button>
      ))}
    </nav>
  );
}

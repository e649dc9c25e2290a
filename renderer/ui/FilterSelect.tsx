/** A filter drop-down: "all" first, then one option per value; choosing "all" clears the filter. */
export interface FilterSelectProps<V extends string> {
  label: string;
  allLabel: string;
  value: V | undefined;
  options: readonly { value: V; label: string }[];
  onChange: (value: V | undefined) => void;
}

export function FilterSelect<V extends string>({
  label,
  allLabel,
  value,
  options,
  onChange,
}: FilterSelectProps<V>) {
  return (
    <select
      aria-label={label}
      value={value ?? ''}
      onChange={(e) => {
        const chosen = options.find((option) => option.value === e.target.value);
        onChange(chosen?.value);
      }}
    >
      <option value="">{allLabel}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

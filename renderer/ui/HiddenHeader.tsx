/** A table header read by screen readers but not shown, as over a column of row buttons. */
export function HiddenHeader({ label }: { label: string }) {
  return (
    <th>
      <span className="visually-hidden">{label}</span>
    </th>
  );
}

import type { ReactNode } from 'react';
import { Field } from './Field';

export interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  hint?: ReactNode;
}

/** A labelled multi-line text box: the shape most working-paper fields take. */
export function TextAreaField({ label, value, onChange, rows = 3, hint }: TextAreaFieldProps) {
  return (
    <Field label={label} hint={hint}>
      {(p) => (
        <textarea {...p} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

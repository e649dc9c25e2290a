/** Checking payloads with the tables' schemas, when the caller gave them. */
import type { EngineOptions, PayloadSchema } from './types';

export function schemaFor(options: EngineOptions, table: string): PayloadSchema | undefined {
  const schemas = options.schemas;
  return schemas !== undefined && Object.hasOwn(schemas, table) ? schemas[table] : undefined;
}

/** Null when the payload passes; else the first problem, by field path (never the value). */
export function payloadProblem(schema: PayloadSchema, data: unknown): string | null {
  const result = schema.safeParse(data);
  if (result.success) return null;
  const [first, ...more] = result.error.issues;
  if (first === undefined) return 'invalid';
  const path = first.path.map(String).join('.');
  const rest = more.length > 0 ? ` (+${more.length})` : '';
  return `${path === '' ? '' : `${path}: `}${first.message}${rest}`;
}

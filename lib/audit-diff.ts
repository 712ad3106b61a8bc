// What changed between an audit entry's before and after: the fields whose values differ, in a stable order.
export type FieldChange = { field: string; before: unknown; after: unknown };

export function diffSnapshots(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  if (!before || !after) return [];
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null)).map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

// Each journal entry's marking, kept beside it: the highest classification its record carries, as
// canonical JSON ('' for an entry with none). Derived from the entry (not part of its hash) and
// written with it, so an export marks a bundle without parsing every entry again. Entries written
// before this version have NULL: readers work it out from the entry, as before.
export const migration007 = {
  version: 7,
  name: 'journal entries keep their marking',
  sql: `ALTER TABLE journal ADD COLUMN marking TEXT;`,
} as const;

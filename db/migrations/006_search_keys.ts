// Search rows keyed by a stable integer. Until version 5 each record's FTS row was found by its
// text id, an UNINDEXED column that FTS5 can only scan: every record write scanned the whole
// index, so importing a large bundle slowed quadratically. Each register now carries a
// `search_key` (an explicit column, not the implicit rowid, which VACUUM may renumber) that is
// the rowid of its FTS row. The text id column stays in the FTS row for readers that want it.
// The search tables become contentless (the registers hold the text already): no second copy of
// every searchable field, and a row is deleted by rowid without reading it back
// (contentless_delete, SQLite 3.43; contentless_unindexed keeps the id column readable, 3.47).
const FTS_OPTIONS = "content = '', contentless_delete = 1, contentless_unindexed = 1, tokenize = 'unicode61 remove_diacritics 2'";

function rekey(register: string, fts: string, idColumn: string, columns: readonly string[]): string {
  const all = [idColumn, ...columns].join(', ');
  const selected = [idColumn, ...columns].map((c) => `f.${c}`).join(', ');
  // Copied aside, dropped and made again under the same name: ALTER TABLE RENAME of an FTS5 table
  // with contentless_unindexed leaves its _content shadow table behind (SQLite 3.53).
  return `
    ALTER TABLE ${register} ADD COLUMN search_key INTEGER;
    UPDATE ${register} SET search_key = rowid;
    CREATE UNIQUE INDEX ${register}_search_key ON ${register} (search_key);
    CREATE TEMP TABLE ${fts}_rows AS SELECT r.search_key AS search_key, ${selected} FROM ${fts} f JOIN ${register} r ON r.id = f.${idColumn};
    DROP TABLE ${fts};
    CREATE VIRTUAL TABLE ${fts} USING fts5(${idColumn} UNINDEXED, ${columns.join(', ')}, ${FTS_OPTIONS});
    INSERT INTO ${fts} (rowid, ${all}) SELECT search_key, ${all} FROM temp.${fts}_rows;
    DROP TABLE temp.${fts}_rows;
  `;
}

export const migration006 = {
  version: 6,
  name: 'search rows keyed by an integer search_key',
  sql: [
    rekey('receipts', 'receipts_fts', 'receipt_id', ['control_number', 'unclassified_title', 'parties', 'other']),
    rekey('visit_requests', 'visits_fts', 'visit_id', ['request_number', 'unclassified_title', 'parties', 'visitors', 'other']),
    rekey('incidents', 'incidents_fts', 'incident_id', ['incident_number', 'unclassified_title', 'description', 'material']),
  ].join('\n'),
} as const;

// Search rows keyed by a stable integer. Until version 5 each record's FTS row was found by its
// text id, an UNINDEXED column that FTS5 can only scan: every record write scanned the whole
// index, so importing a large bundle slowed quadratically. Each register now carries a
// `search_key` (an explicit column, not the implicit rowid, which VACUUM may renumber) that is
// the rowid of its FTS row. The text id column stays in the FTS row for readers that want it.
const FTS_OPTIONS = "tokenize = 'unicode61 remove_diacritics 2'";

function rekey(register: string, fts: string, idColumn: string, columns: readonly string[]): string {
  const all = [idColumn, ...columns].join(', ');
  const selected = [idColumn, ...columns].map((c) => `f.${c}`).join(', ');
  return `
    ALTER TABLE ${register} ADD COLUMN search_key INTEGER;
    UPDATE ${register} SET search_key = rowid;
    CREATE UNIQUE INDEX ${register}_search_key ON ${register} (search_key);
    CREATE VIRTUAL TABLE ${fts}_keyed USING fts5(${idColumn} UNINDEXED, ${columns.join(', ')}, ${FTS_OPTIONS});
    INSERT INTO ${fts}_keyed (rowid, ${all})
      SELECT r.search_key, ${selected} FROM ${fts} f JOIN ${register} r ON r.id = f.${idColumn};
    DROP TABLE ${fts};
    ALTER TABLE ${fts}_keyed RENAME TO ${fts};
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

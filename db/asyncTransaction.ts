import type { Database } from 'better-sqlite3';

/**
 * One immediate transaction around work that awaits (an import whose entries arrive in batches):
 * committed when `work` resolves, rolled back when it throws. better-sqlite3's own transaction()
 * refuses async functions, rightly, because any other call on the connection while `work` waits
 * would join the transaction: the caller must keep the connection to itself meanwhile
 * (HandlerContext.exclusively). Writes inside it that use transaction() become savepoints.
 */
export async function inAsyncTransaction<T>(db: Database, work: () => Promise<T>): Promise<T> {
  if (db.inTransaction) throw new Error('inAsyncTransaction cannot nest in another transaction');
  db.exec('BEGIN IMMEDIATE');
  try {
    const value = await work();
    db.exec('COMMIT');
    return value;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

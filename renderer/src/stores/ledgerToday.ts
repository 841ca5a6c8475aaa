// Today on the ledger's clock. Read again when a record or form opens: the session's copy is read
// once at start-up, and a workstation left signed in overnight (or a test clock that jumps) would
// otherwise default every date to the day the window opened.
import type { RootStore } from './RootStore.js';

export async function ledgerToday(root: RootStore): Promise<string> {
  await root.session.refreshToday();
  return root.session.today;
}

// The receipt's journal entries as a timeline (the shared JournalTimeline), titled by action.
import { observer } from 'mobx-react-lite';
import type { ReceiptActionType } from '../../../../electron/common/receipts/transitions.js';
import { ACTION_TYPES, RECEIPT_TRANSITIONS } from '../../../../electron/common/receipts/transitions.js';
import { JournalTimeline } from '../../components/JournalTimeline.js';
import { useStores } from '../../components/StoresContext.js';
import { humanise } from '../../format/labels.js';

const ENTRY_TITLES: Record<string, string> = { create: 'Created', update: 'Changed', reclassify: 'Reclassified' };

/** "dispatch" -> "Dispatch", "tracer" -> "Send tracer", "reclassify" -> "Reclassified". */
export function entryTitle(action: string): string {
  if (ENTRY_TITLES[action]) return ENTRY_TITLES[action];
  if ((ACTION_TYPES as readonly string[]).includes(action)) return RECEIPT_TRANSITIONS[action as ReceiptActionType][0]?.label ?? humanise(action);
  return humanise(action);
}

export const ReceiptHistory = observer(function ReceiptHistory() {
  const { detail } = useStores().receipts;
  return <JournalTimeline entries={detail.history} error={detail.historyError} titleOf={(entry) => entryTitle(entry.action)} />;
});

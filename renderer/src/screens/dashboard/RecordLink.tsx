// A record's number as a button that opens the record (dashboard, reports, search).
import { Button } from '@trussworks/react-uswds';

export function RecordLink({ label, description, onOpen }: { label: string; description: string; onOpen: () => void }) {
  return (
    <Button type="button" unstyled className="record-link" aria-label={`${label}: ${description}`} onClick={onOpen}>
      {label}
    </Button>
  );
}

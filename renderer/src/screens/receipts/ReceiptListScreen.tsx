// The receipts list: filters, the count, the highest marking on screen, and the grid.
import { Alert, Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { MarkingTag } from '../../components/ClassificationBanner.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { plural } from '../../format/labels.js';
import { ReceiptFilters } from './ReceiptFilters.js';
import { ReceiptTable } from './ReceiptTable.js';

const ListSummary = observer(function ListSummary() {
  const { list } = useStores().receipts;
  const highest = list.paged.highestShown;
  return (
    <div className="list-summary">
      <p className="list-summary__count" role="status">
        {list.paged.total === null ? (list.paged.isLoading ? 'Loading receipts…' : '') : `${plural(list.paged.total, 'receipt')} found`}
      </p>
      <p className="list-summary__marking">
        Highest marking shown: {highest ? <MarkingTag classification={highest} /> : <span>none (no rows on screen)</span>}
      </p>
    </div>
  );
});

export const ReceiptListScreen = observer(function ReceiptListScreen() {
  const { receipts, ui, session } = useStores();
  const { list } = receipts;
  const heading = usePage('Receipts');
  useEffect(() => {
    if (list.paged.total === null && !list.paged.isLoading) list.reload();
  }, [list]);
  return (
    <div className="receipt-list">
      <div className="screen-head">
        <h1 ref={heading} tabIndex={-1}>
          Receipts
        </h1>
        <div className="screen-head__actions">
          <Button type="button" outline onClick={() => list.reload()}>
            Refresh
          </Button>
          {session.canWrite && (
            <Button type="button" onClick={() => ui.navigate({ name: 'receiptNew' })}>
              New receipt
            </Button>
          )}
        </div>
      </div>
      <ReceiptFilters />
      {list.paged.error && (
        <Alert type="error" headingLevel="h2" slim>
          {list.paged.error}
        </Alert>
      )}
      <ListSummary />
      <ReceiptTable />
    </div>
  );
});

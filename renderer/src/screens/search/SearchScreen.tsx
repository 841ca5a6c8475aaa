// One box over receipts, visits and incidents: hits grouped by kind, each marked and opening its
// record, the results marked at the highest level they show.
import { Alert, Button, Form, Table } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import type { RecordKind } from '../../../../electron/common/contract/dashboard.js';
import type { SearchResult } from '../../../../electron/common/contract/search.js';
import { ClassificationBanner } from '../../components/ClassificationBanner.js';
import { TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { plural } from '../../format/labels.js';
import '../overview.css';
import { RecordLink } from '../dashboard/RecordLink.js';

const KIND_TITLES: Record<RecordKind, string> = { receipt: 'Receipts', visit: 'Visit requests', incident: 'Incidents' };
const KIND_NOUNS: Record<RecordKind, string> = { receipt: 'receipt', visit: 'visit request', incident: 'incident' };

const SearchGroup = observer(function SearchGroup({ group }: { group: SearchResult['groups'][number] }) {
  const { search } = useStores();
  const id = `search-${group.kind}`;
  return (
    <section className="search-group" aria-labelledby={id}>
      <h2 id={id}>
        {KIND_TITLES[group.kind]} ({group.total})
      </h2>
      {group.total === 0 ? (
        <p className="dashboard-list__empty">No {KIND_NOUNS[group.kind]} matches.</p>
      ) : (
        <Table bordered={false} compact fullWidth>
          <caption className="usa-sr-only">{`${KIND_TITLES[group.kind]} found`}</caption>
          <thead>
            <tr>
              <th scope="col">Marking</th>
              <th scope="col">Number</th>
              <th scope="col">Unclassified title</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {group.hits.map((hit) => (
              <tr key={hit.id}>
                <td>{hit.marking}</td>
                <td>
                  <RecordLink label={hit.number} description={`open ${KIND_NOUNS[group.kind]} ${hit.number}`} onOpen={() => search.open(group.kind, hit.id)} />
                </td>
                <td>{hit.title}</td>
                <td>{hit.status}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {group.total > group.hits.length && (
        <p className="dashboard-list__empty">
          The best {group.hits.length} of {group.total} are shown; the {KIND_TITLES[group.kind].toLowerCase()} list searches them all.
        </p>
      )}
    </section>
  );
});

export const SearchScreen = observer(function SearchScreen() {
  const { search } = useStores();
  const heading = usePage('Search');
  const result = search.result;
  const found = result?.groups.reduce((n, g) => n + g.total, 0) ?? 0;
  return (
    <div className="search">
      <div className="screen-head">
        <h1 ref={heading} tabIndex={-1}>
          Search
        </h1>
      </div>
      <Form
        role="search"
        aria-label="Search all records"
        className="report-params"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void search.search();
        }}
      >
        <div className="report-params__grid">
          <TextField
            id="search-all"
            label="Search all records"
            type="search"
            hint="Numbers, titles, organisations, visitor names; every word must match (beginnings of words too)"
            value={search.text}
            onChange={(v) => search.setText(v)}
          />
          <Button type="submit" disabled={search.isSearching}>
            Search
          </Button>
        </div>
      </Form>
      {search.error && (
        <Alert type="error" headingLevel="h2" slim role="alert">
          {search.error}
        </Alert>
      )}
      <p role="status">{search.isSearching ? 'Searching…' : result ? `${plural(found, 'record')} found for “${search.searched}”` : ''}</p>
      {result && (
        <>
          <ClassificationBanner classification={result.classification} position="record" />
          {result.groups.map((group) => (
            <SearchGroup key={group.kind} group={group} />
          ))}
          <ClassificationBanner classification={result.classification} position="record" />
        </>
      )}
    </div>
  );
});

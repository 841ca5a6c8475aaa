// One list of the dashboard: a count in words and the first items, each opening its record.
import { Table } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import type { DashboardItem, DashboardList as List } from '../../../../electron/common/contract/dashboard.js';
import { useStores } from '../../components/StoresContext.js';
import { formatDate } from '../../format/labels.js';
import { RecordLink } from './RecordLink.js';

export type When = 'overdue' | 'ahead';

function timing(item: DashboardItem, when: When): string {
  if (when === 'overdue') return `Overdue ${item.days} ${item.days === 1 ? 'day' : 'days'}`;
  if (item.days === 0) return 'Today';
  return `In ${item.days} ${item.days === 1 ? 'day' : 'days'}`;
}

export const DashboardList = observer(function DashboardList({ id, title, list, when, empty }: { id: string; title: string; list: List; when: When; empty: string }) {
  const { dashboard } = useStores();
  const more = list.count - list.items.length;
  return (
    <section className="dashboard-list" aria-labelledby={id}>
      <h2 id={id}>
        {title}: {list.count}
      </h2>
      {list.count === 0 ? (
        <p className="dashboard-list__empty">{empty}</p>
      ) : (
        <Table bordered={false} compact>
          <caption className="usa-sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Marking</th>
              <th scope="col">Number</th>
              <th scope="col">Title</th>
              <th scope="col">What</th>
              <th scope="col">Date</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={`${item.id}-${item.what}`}>
                <td>{item.marking}</td>
                <td>
                  <RecordLink label={item.number} description={`open ${item.kind} ${item.number}`} onOpen={() => dashboard.open(item)} />
                </td>
                <td>{item.title}</td>
                <td>{item.what}</td>
                <td>{formatDate(item.date)}</td>
                <td>
                  <strong>{timing(item, when)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {more > 0 && <p className="dashboard-list__empty">and {more} more in the list of their kind.</p>}
    </section>
  );
});

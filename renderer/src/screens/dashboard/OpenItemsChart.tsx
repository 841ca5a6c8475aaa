// Open items over the last twelve weeks as a small line chart drawn here (no chart library). The
// picture is one img with a summary for screen readers, and the same figures follow as a table.
import type { TrendPoint } from '../../../../electron/common/contract/dashboard.js';
import { formatDate } from '../../format/labels.js';

const WIDTH = 480;
const HEIGHT = 160;
const PAD = { left: 32, right: 12, top: 10, bottom: 24 };

function path(points: readonly TrendPoint[], value: (p: TrendPoint) => number, max: number): string {
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  return points
    .map((p, i) => {
      const x = PAD.left + (points.length === 1 ? 0 : (i / (points.length - 1)) * innerW);
      const y = PAD.top + innerH - (value(p) / max) * innerH;
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

export function summary(points: readonly TrendPoint[]): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return 'No figures.';
  return (
    `Open items, weekly from ${formatDate(first.date)} to ${formatDate(last.date)}: outgoing receipts awaiting a signed receipt went from ` +
    `${first.receiptsAwaiting} to ${last.receiptsAwaiting}; open incidents from ${first.incidentsOpen} to ${last.incidentsOpen}.`
  );
}

export function OpenItemsChart({ points }: { points: readonly TrendPoint[] }) {
  const max = Math.max(1, ...points.map((p) => Math.max(p.receiptsAwaiting, p.incidentsOpen)));
  const baseline = HEIGHT - PAD.bottom;
  return (
    <section className="open-items" aria-labelledby="open-items-heading">
      <h2 id="open-items-heading">Open items over the last 12 weeks</h2>
      <svg className="open-items__chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary(points)}>
        <line x1={PAD.left} y1={baseline} x2={WIDTH - PAD.right} y2={baseline} stroke="#71767a" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={baseline} stroke="#71767a" />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="11" fill="#1b1b1b">
          {max}
        </text>
        <text x={PAD.left - 6} y={baseline} textAnchor="end" fontSize="11" fill="#1b1b1b">
          0
        </text>
        <path d={path(points, (p) => p.receiptsAwaiting, max)} fill="none" stroke="#005ea2" strokeWidth="2.5" />
        <path d={path(points, (p) => p.incidentsOpen, max)} fill="none" stroke="#b50909" strokeWidth="2.5" strokeDasharray="6 4" />
      </svg>
      <p className="open-items__legend" aria-hidden="true">
        <span>
          <span className="open-items__key open-items__key--receipts" />
          Receipts awaiting a signed receipt
        </span>
        <span>
          <span className="open-items__key open-items__key--incidents" />
          Open incidents (dashed)
        </span>
      </p>
      <details>
        <summary>Open items as a table</summary>
        <table className="usa-table usa-table--compact">
          <caption className="usa-sr-only">Open items by week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Receipts awaiting a signed receipt</th>
              <th scope="col">Open incidents</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.date}>
                <th scope="row">{formatDate(p.date)}</th>
                <td>{p.receiptsAwaiting}</td>
                <td>{p.incidentsOpen}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

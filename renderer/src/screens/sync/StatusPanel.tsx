// This installation's sync state: its chain head and, at a site, what headquarters has
// acknowledged and how many entries the next export carries.
import { observer } from 'mobx-react-lite';
import { useStores } from '../../components/StoresContext.js';
import { formatTimestamp, plural } from '../../format/labels.js';
import { Facts, Panel } from './SyncParts.js';

/** The first 16 hex digits of a hash, enough to compare aloud. */
export function shortHash(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 16)}…` : hash;
}

export const StatusPanel = observer(function StatusPanel() {
  const { sync } = useStores();
  const s = sync.status;
  return (
    <Panel id="sync-status" title="Sync status">
      {s === null ? (
        <p>{sync.loaded ? 'The sync status could not be read.' : 'Reading the sync status…'}</p>
      ) : (
        <Facts
          items={[
            ['Installation', `${s.siteId} (${s.siteRole === 'hq' ? 'headquarters' : 'site'})`],
            ['Own journal head', s.head.seq === 0 ? 'No entries yet' : `seq ${s.head.seq.toLocaleString('en-US')} (hash ${shortHash(s.head.hash)})`],
            ['Signing identity', s.identity ? `Fingerprint ${s.identity.fingerprint}` : 'None yet: an administrator creates it below'],
            ...(s.siteRole === 'site'
              ? ([
                  [
                    'Acknowledged by headquarters',
                    s.acknowledged
                      ? `Up to seq ${s.acknowledged.seq.toLocaleString('en-US')}, on ${formatTimestamp(s.acknowledged.at)}${s.acknowledged.notes ? ` (notes: ${s.acknowledged.notes})` : ''}`
                      : 'Nothing acknowledged yet',
                  ],
                  ['Entries waiting to go', s.unacknowledged === 0 ? 'None: headquarters has acknowledged everything' : plural(s.unacknowledged, 'entry', 'entries')],
                  [
                    'Headquarters trusted',
                    s.headquarters.length > 0 ? s.headquarters.map((h) => `${h.siteId} (${h.fingerprint})`).join('; ') : 'None: enrol headquarters’ certificate in the trust store',
                  ],
                ] as const)
              : []),
            ['Open alarms', s.openAlarms === 0 ? 'None' : plural(s.openAlarms, 'open alarm')],
          ]}
        />
      )}
    </Panel>
  );
});

// Headquarters' view of where records came from: each foreign entry of a history names its
// bundle, and the lists offer the sites it holds as a filter. Elsewhere neither shows.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeApi } from '../../../electron/common/api.js';
import type { LedgerApi } from '../../../electron/common/api.js';
import type { MethodName } from '../../../electron/common/contract/index.js';
import type { JournalEntry } from '../../../electron/common/journal.js';
import { ok } from '../../../electron/common/result.js';
import { JournalTimeline } from '../../../renderer/src/components/JournalTimeline.js';
import { SiteFilterField } from '../../../renderer/src/components/SiteFilterField.js';
import { renderWithStores } from '../render.js';
import { flush, signedInRig } from '../support.js';

afterEach(() => {
  cleanup();
});

const asked: unknown[] = [];
/** What sync.sites answers; a test enrolls a site by adding to it. */
let sites = ['SITE-B', 'SITE-A'];

/** The fake api, answering as headquarters for system.info, sync.sites and sync.provenance. */
function asHeadquarters(siteRole: 'hq' | 'site') {
  return (api: LedgerApi): LedgerApi =>
    makeApi(async (method: MethodName, input: unknown) => {
      const call = api[method] as (input: unknown) => ReturnType<LedgerApi['system.info']>;
      if (method === 'system.info') {
        const info = await call(input);
        return info.ok ? ok({ ...info.value, siteId: 'HQ', siteRole }) : info;
      }
      if (method === 'sync.sites') return ok(sites.map((siteId) => ({ siteId, activeCertificates: 1, lastSeq: 3, lastHash: 'h', lastImportAt: null, heldBundles: 0, openAlarms: 0 })));
      if (method === 'sync.provenance') {
        asked.push(input);
        return ok([{ siteId: 'SITE-B', seq: 3, bundleId: 'B1', fileName: 'SITE-B_1-3_SECRET.ledger.tar', importedAt: '2026-03-02T10:00:00.000Z', importedBy: 'officer' }]);
      }
      return call(input);
    });
}

function entry(siteId: string, seq: number): JournalEntry {
  return { siteId, seq, id: `E${siteId}${seq}`, at: '2026-03-01T09:00:00.000Z', actor: 'clerk', kind: 'receipt', entityId: 'R1', action: 'create', data: {}, prevHash: '0'.repeat(96), hash: `${seq}`.padStart(96, '0') };
}

describe('provenance at headquarters', () => {
  it('names the bundle of each entry of another site, asking only for those', async () => {
    asked.length = 0;
    const rig = await signedInRig({ wrap: asHeadquarters('hq') });
    renderWithStores(rig.root, <JournalTimeline entries={[entry('HQ', 9), entry('SITE-B', 3)]} error={null} titleOf={() => 'Created'} />);
    expect(await screen.findByText('SITE-B_1-3_SECRET.ledger.tar')).toBeTruthy();
    expect(screen.getAllByText(/^Arrived in bundle/)).toHaveLength(1);
    expect(asked).toEqual([{ entries: [{ siteId: 'SITE-B', seq: 3 }] }]);
  });

  it('offers the sites it holds as a list filter, sorted, to readers who may list them', async () => {
    const rig = await signedInRig({ username: 'auditor', wrap: asHeadquarters('hq') });
    let chosen = '';
    renderWithStores(rig.root, <SiteFilterField id="f-site" value="" onChange={(v) => (chosen = v)} />);
    const select = await screen.findByLabelText<HTMLSelectElement>('Origin site');
    expect([...select.options].map((o) => o.textContent)).toEqual(['All sites', 'SITE-A', 'SITE-B']);
    select.value = 'SITE-B';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(chosen).toBe('SITE-B');
  });

  it('asks again each time a list opens, so a site enrolled meanwhile is offered', async () => {
    sites = [];
    const rig = await signedInRig({ username: 'auditor', wrap: asHeadquarters('hq') });
    const first = renderWithStores(rig.root, <SiteFilterField id="f-site" value="" onChange={() => undefined} />);
    await flush();
    expect(screen.queryByLabelText('Origin site')).toBeNull();
    first.unmount();
    sites = ['SITE-C'];
    renderWithStores(rig.root, <SiteFilterField id="f-site" value="" onChange={() => undefined} />);
    const select = await screen.findByLabelText<HTMLSelectElement>('Origin site');
    expect([...select.options].map((o) => o.textContent)).toEqual(['All sites', 'SITE-C']);
    sites = ['SITE-B', 'SITE-A'];
  });

  it('shows no site filter at a site', async () => {
    const rig = await signedInRig({ username: 'auditor', wrap: asHeadquarters('site') });
    renderWithStores(rig.root, <SiteFilterField id="f-site" value="" onChange={() => undefined} />);
    await flush();
    expect(screen.queryByLabelText('Origin site')).toBeNull();
  });
});

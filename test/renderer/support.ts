// Shared set-up for renderer tests: a RootStore over the fake api, signed in or not.
import type { LedgerApi } from '../../electron/common/api.js';
import type { RootStoreOptions } from '../../renderer/src/stores/RootStore.js';
import { RootStore } from '../../renderer/src/stores/RootStore.js';
import type { FakeApi, FakeOptions } from './fakeApi.js';
import { PASSWORD, createFakeApi } from './fakeApi.js';

export interface TestRig {
  fake: FakeApi;
  root: RootStore;
}

/** Lets every pending promise of the fake api settle (it answers after a microtask). */
export function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface RigOptions extends FakeOptions {
  /** Puts something between the stores and the fake (e.g. to hold an answer back). */
  wrap?: (api: LedgerApi) => LedgerApi;
  /** The RootStore's options; by default the idle poll is off (tests that want it say so). */
  store?: RootStoreOptions;
}

export async function loadedRig(options: RigOptions = {}): Promise<TestRig> {
  const fake = createFakeApi(options);
  const root = new RootStore(options.wrap ? options.wrap(fake.api) : fake.api, { statusPollMs: null, ...options.store });
  await root.session.load();
  return { fake, root };
}

/** Signed in as one of the fake's accounts: custodian (default), admin or auditor. */
export async function signedInRig(options: RigOptions & { username?: 'custodian' | 'admin' | 'auditor' } = {}): Promise<TestRig> {
  const rig = await loadedRig(options);
  rig.root.session.acceptConsent();
  rig.root.session.setField('username', options.username ?? 'custodian');
  rig.root.session.setField('password', PASSWORD);
  if (!(await rig.root.session.signIn())) throw new Error('sign-in failed in test set-up');
  rig.fake.calls.length = 0;
  return rig;
}

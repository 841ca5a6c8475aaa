import { describe, expect, it } from 'vitest';
import { ConnectionGate } from '../../../electron/node/connectionGate.js';

/** A promise with its resolve, to hold a call open until the test lets it finish. */
function latch(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ConnectionGate', () => {
  it('lets calls run together', async () => {
    const gate = new ConnectionGate();
    const first = await gate.enter();
    const second = await gate.enter();
    first();
    second();
    expect(gate.held).toBe(false);
  });

  it('holds the connection alone only once the other calls have left, and keeps new calls out until it is done', async () => {
    const gate = new ConnectionGate();
    const log: string[] = [];
    const leaveOther = await gate.enter();
    const importing = latch();
    const importer = (async () => {
      const leave = await gate.enter();
      await gate.exclusively(async () => {
        log.push('exclusive start');
        await importing.promise;
        log.push('exclusive end');
      });
      leave();
    })();
    await settle();
    expect(log).toEqual([]); // the other call is still inside
    const late = gate.enter().then((leave) => {
      log.push('late call');
      leave();
    });
    await settle();
    expect(log).toEqual([]); // a call arriving after the request waits behind it
    leaveOther();
    await settle();
    expect(log).toEqual(['exclusive start']);
    expect(gate.held).toBe(true);
    importing.open();
    await Promise.all([importer, late]);
    expect(log).toEqual(['exclusive start', 'exclusive end', 'late call']);
    expect(gate.held).toBe(false);
  });

  it('serves two requests to hold the connection one after the other', async () => {
    const gate = new ConnectionGate();
    const log: string[] = [];
    const run = async (name: string, hold: Promise<void>) => {
      const leave = await gate.enter();
      await gate.exclusively(async () => {
        log.push(`${name} in`);
        await hold;
        log.push(`${name} out`);
      });
      leave();
    };
    const a = latch();
    const b = latch();
    const both = Promise.all([run('a', a.promise), run('b', b.promise)]);
    await settle();
    expect(log).toEqual(['a in']);
    b.open(); // b may not start, let alone finish, while a holds the connection
    await settle();
    expect(log).toEqual(['a in']);
    a.open();
    await both;
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out']);
  });

  it('releases the connection when the work throws', async () => {
    const gate = new ConnectionGate();
    const leave = await gate.enter();
    await expect(gate.exclusively(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    leave();
    expect(gate.held).toBe(false);
    const next = await gate.enter();
    next();
  });

  it('counts a call once however often it says it is leaving', async () => {
    const gate = new ConnectionGate();
    const leave = await gate.enter();
    leave();
    leave();
    const other = await gate.enter();
    let exclusive = false;
    const request = (async () => {
      const mine = await gate.enter();
      await gate.exclusively(async () => {
        exclusive = true;
        await Promise.resolve();
      });
      mine();
    })();
    await settle();
    expect(exclusive).toBe(false); // `other` is still inside: the double leave did not hide it
    other();
    await request;
    expect(exclusive).toBe(true);
  });
});

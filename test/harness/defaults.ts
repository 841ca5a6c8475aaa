// Defaults shared by the harness server and the seed.

/** Sign-ins in tests should not take half a second; production keeps the core's default. */
export const TEST_PASSWORD_ITERATIONS = 1_000;

/** Where tests start in time unless they say otherwise: a fixed instant, so runs repeat. */
export const DEFAULT_START = new Date('2026-03-02T09:00:00.000Z');

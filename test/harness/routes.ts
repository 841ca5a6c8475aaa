// The harness's own URLs and limits, shared by the server (Node) and the bridge (browser).

/** POST JSON {method, input}: answers with the core's Result as JSON. */
export const API_CALL_PATH = '/api/call';
/** The bundled bridge that defines window.ledger; injected into index.html before the app's script. */
export const BRIDGE_PATH = '/__harness/bridge.js';
/** Test-only: POST {advanceDays} | {advanceMs} | {set: ISO time} moves the ManualClock. */
export const CLOCK_PATH = '/__test/clock';
/** One browser context = one Connection, keyed by this HttpOnly cookie. */
export const SESSION_COOKIE = 'ledger_harness';
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

// The bench's journal: receipts created and moved through their lifecycles at one site, as the
// receipt services write them (createReceipt, transitionReceipt): a record's full new state in
// every entry, a few dozen receipts in flight so their entries interleave. Deterministic apart
// from the ULIDs' random part. Built directly (no sign-in, no per-call checks) so that a million
// entries take seconds, not minutes.
import { classificationSchema } from '../electron/common/classification/model.js';
import { addDays } from '../electron/common/primitives.js';
import { GENESIS_HASH, type JournalEntry } from '../electron/common/journal.js';
import { type Receipt, type ReceiptDraft, receiptDraftSchema } from '../electron/common/receipts/model.js';
import type { ReceiptAction } from '../electron/common/receipts/transitions.js';
import { entryHash } from '../db/journal/hash.js';
import type { EntryDraft } from '../db/journal/append.js';
import { ulid } from '../electron/node/ids.js';

/** mulberry32: seeded, fast, enough to pick workloads reproducibly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLASSIFICATIONS = [
  classificationSchema.parse({ level: 'SECRET' }),
  classificationSchema.parse({ level: 'CONFIDENTIAL' }),
  classificationSchema.parse({ level: 'SECRET', foreign: { kind: 'country', countries: ['DEU'], level: 'SECRET' } }),
  classificationSchema.parse({ level: 'CONFIDENTIAL', noforn: true }),
];

const INCOMING = receiptDraftSchema.parse({
  direction: 'incoming',
  controlNumber: 'X',
  unclassifiedTitle: 'X',
  classification: { level: 'SECRET' },
  sender: { organisation: 'Naval Systems Command', address: '4301 Pacific Highway, San Diego CA', pointOfContact: 'Lt. J. Rivera' },
  addressee: { organisation: 'Alpha Works', address: '1 Industrial Way', pointOfContact: 'F. Officer' },
  transmission: 'registered_mail',
  receivedOn: '2025-01-01',
  custodian: 'F. Officer',
  storageContainer: 'GSA container 3, drawer 2',
  contractNumber: 'N00024-25-C-5310',
});

const OUTGOING = receiptDraftSchema.parse({
  direction: 'outgoing',
  controlNumber: 'X',
  unclassifiedTitle: 'X',
  classification: { level: 'SECRET' },
  materialDate: '2025-01-01',
  sender: { organisation: 'Alpha Works', address: '1 Industrial Way', pointOfContact: 'F. Officer' },
  addressee: { organisation: 'BAAINBw', address: 'Ferdinand-Sauerbruch-Strasse 1, Koblenz, Germany', pointOfContact: 'Dr. K. Weber' },
  transmission: 'government_to_government',
  dgr: 'J. Smith (DGR)',
  international: true,
});

type Step = (r: Receipt, day: string) => ReceiptAction;
const INCOMING_STEPS: Step[] = [
  (_r, day) => ({ type: 'inspect', inspection: { inspectedOn: day, tamperingFound: false, contentsMatch: true, notes: 'Seals intact; contents match the receipt.' } }),
  (_r, day) => ({ type: 'sign', signedBy: 'F. Officer', returnedOn: day }),
  (_r, day) => ({ type: 'inventory', on: day }),
  (_r, day) => ({ type: 'inventory', on: day }),
  (_r, day) => ({ type: 'destroy', destruction: { date: day, method: 'Cross-cut shredder (NSA/CSS EPL listed)', witnesses: ['A. Witness'], certificateNumber: '' } }),
  () => ({ type: 'archive' }),
];
const OUTGOING_STEPS: Step[] = [
  (_r, day) => ({ type: 'dispatch', dispatchedOn: day }),
  (_r, day) => ({ type: 'acknowledge', signedBy: 'Dr. K. Weber', returnedOn: day }),
  () => ({ type: 'archive' }),
];
const STATUS_AFTER: Partial<Record<ReceiptAction['type'], Receipt['status']>> = {
  inspect: 'inspected',
  sign: 'in_accountability',
  destroy: 'destroyed',
  archive: 'archived',
  dispatch: 'dispatched',
  acknowledge: 'acknowledged',
};

function applyStep(r: Receipt, action: ReceiptAction): Receipt {
  switch (action.type) {
    case 'inspect':
      return { ...r, inspection: action.inspection };
    case 'sign':
    case 'acknowledge':
      return { ...r, receiptSignedBy: action.signedBy, receiptReturnedOn: action.returnedOn };
    case 'inventory':
      return { ...r, inventoriedOn: [...r.inventoriedOn, action.on] };
    case 'destroy':
      return { ...r, destruction: action.destruction };
    case 'dispatch':
      return { ...r, dispatchedOn: action.dispatchedOn, suspenseDays: 45, suspenseDueOn: addDays(action.dispatchedOn, 45) };
    case 'archive':
    case 'tracer':
    case 'escalate':
    case 'report_improper':
    case 'reproduce':
    case 'transfer':
    case 'void':
      return r; // not in this workload's lifecycles, or no field to change
  }
}

export interface WorkloadOptions {
  siteId: string;
  count: number;
  /** Time of the first entry; each next one is 20 s later. */
  start: Date;
  seed?: number;
  actor?: string;
  workstation?: string;
}

/** `count` receipt entries (create and transitions), as drafts for appendEntry. */
export function* receiptDrafts(options: WorkloadOptions): Generator<EntryDraft> {
  const random = seeded(options.seed ?? 42);
  const actor = options.actor ?? 'clerk';
  const workstation = options.workstation ?? 'bench-ws-01';
  const inFlight: { receipt: Receipt; steps: Step[] }[] = [];
  let made = 0;
  for (let i = 0; i < options.count; i++) {
    const when = new Date(options.start.getTime() + i * 20_000);
    const at = when.toISOString();
    const day = at.slice(0, 10);
    if (inFlight.length < 40 && (inFlight.length === 0 || random() < 0.3)) {
      made += 1;
      const incoming = random() < 0.6;
      const template: ReceiptDraft = incoming ? INCOMING : OUTGOING;
      const classification = CLASSIFICATIONS[Math.floor(random() * CLASSIFICATIONS.length)] as Receipt['classification'];
      const receipt: Receipt = {
        ...template,
        controlNumber: `${incoming ? 'IN' : 'OUT'}-${day.slice(0, 4)}-${String(made).padStart(7, '0')}`,
        unclassifiedTitle: `${incoming ? 'Sonar array drawings' : 'Radar cross-section test report'}, volume ${made}`,
        classification,
        ...(incoming ? { receivedOn: day } : { materialDate: day }),
        id: ulid(when),
        siteId: options.siteId,
        status: incoming ? 'received' : 'prepared',
        version: 1,
        dispatchedOn: null,
        suspenseDays: null,
        suspenseDueOn: null,
        tracerDates: [],
        escalation: null,
        receiptSignedBy: '',
        receiptReturnedOn: null,
        inspection: null,
        improperReceipt: incoming && classification.foreign !== null,
        improperReceiptReportedOn: null,
        reproductions: [],
        inventoriedOn: [],
        transfer: null,
        destruction: null,
        voidReason: '',
        createdAt: at,
        createdBy: actor,
        updatedAt: at,
        updatedBy: actor,
      };
      inFlight.push({ receipt, steps: [...(incoming ? INCOMING_STEPS : OUTGOING_STEPS)] });
      yield { id: ulid(when), at, actor, kind: 'receipt', entityId: receipt.id, action: 'create', data: { record: receipt, workstation } };
      continue;
    }
    const pick = Math.floor(random() * inFlight.length);
    const item = inFlight[pick] as (typeof inFlight)[number];
    const action = (item.steps.shift() as Step)(item.receipt, day);
    const next: Receipt = { ...applyStep(item.receipt, action), version: item.receipt.version + 1, updatedAt: at, updatedBy: actor };
    next.status = STATUS_AFTER[action.type] ?? item.receipt.status;
    item.receipt = next;
    if (item.steps.length === 0) inFlight.splice(pick, 1);
    yield { id: ulid(when), at, actor, kind: 'receipt', entityId: next.id, action: action.type, data: { record: next, action, workstation } };
  }
}

/** The same drafts as a hashed chain of `siteId` from genesis (for a bundle written without a database). */
export function* receiptChain(options: WorkloadOptions): Generator<JournalEntry> {
  let seq = 0;
  let prevHash = GENESIS_HASH;
  for (const draft of receiptDrafts(options)) {
    seq += 1;
    const unhashed = { siteId: options.siteId, seq, ...draft, prevHash };
    const entry: JournalEntry = { ...unhashed, hash: entryHash(unhashed) };
    prevHash = entry.hash;
    yield entry;
  }
}

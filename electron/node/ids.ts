import { randomBytes } from 'node:crypto';

// ULID (https://github.com/ulid/spec): 48-bit millisecond time + 80 random bits, Crockford
// base-32. Sortable by creation time, unique across sites without coordination.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function ulid(at: Date): string {
  let time = at.getTime();
  if (!Number.isInteger(time) || time < 0 || time > 2 ** 48 - 1) throw new Error('time out of ULID range');
  let timePart = '';
  for (let i = 0; i < 10; i++) {
    timePart = ALPHABET[time % 32]! + timePart;
    time = Math.floor(time / 32);
  }
  const random = randomBytes(10);
  let bits = 0n;
  for (const byte of random) bits = (bits << 8n) | BigInt(byte);
  let randomPart = '';
  for (let i = 0; i < 16; i++) {
    randomPart = ALPHABET[Number(bits & 31n)]! + randomPart;
    bits >>= 5n;
  }
  return timePart + randomPart;
}

import { parseArgs } from 'node:util';
import { defaultDbPath } from '../paths.js';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Strict parsing: an unknown flag or a missing value is a usage error naming it. */
export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommandArgs(argv: string[], options: OptionSpec, maxPositionals: number): ParsedArgs {
  try {
    const parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
    if (parsed.positionals.length > maxPositionals) {
      throw new UsageError(`unexpected argument: ${parsed.positionals[maxPositionals]}`);
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** --db, else ENCLAVE_LEDGER_DB, else the desktop app's own database for this user. */
export function dbPathFrom(value: string | boolean | undefined): string {
  if (typeof value === 'string') {
    if (value === '') throw new UsageError('--db needs a file name');
    return value;
  }
  return process.env.ENCLAVE_LEDGER_DB || defaultDbPath();
}

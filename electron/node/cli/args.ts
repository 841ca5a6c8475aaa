import { parseArgs } from 'node:util';

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

export function dbPathFrom(value: string | boolean | undefined): string {
  const path = typeof value === 'string' ? value : process.env.ENCLAVE_LEDGER_DB;
  if (!path) throw new UsageError('name the database file with --db FILE (or set ENCLAVE_LEDGER_DB)');
  return path;
}

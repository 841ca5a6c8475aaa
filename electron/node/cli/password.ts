import { UsageError } from './args.js';

/**
 * The password comes from ENCLAVE_LEDGER_PASSWORD (scripts, tests) or a prompt that does not echo.
 * Never from a command-line argument: those show up in process lists and shell history.
 */
export async function readPassword(prompt: string, envName = 'ENCLAVE_LEDGER_PASSWORD'): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError(`no password: set ${envName} or run in a terminal to be asked`);
  return promptHidden(prompt);
}

function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new UsageError('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

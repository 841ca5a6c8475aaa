import { METHOD_NAMES, contract } from '../../common/contract/index.js';

export const MAIN_HELP = `enclave-ledger: the Enclave Ledger command line

Usage: enclave-ledger <command> [options]

Commands:
  init            set up a new database: site identity, system-high level, first administrator
  call            run any API method as a user and print the Result as JSON
  journal verify  walk the journal's hash chains and report the first broken link
  users           administer accounts: list, create, disable, enable, unlock, reset-password, set-roles
  methods         list the API methods, who may call them and what they do

Common options:
  --db FILE       the database file (default: ENCLAVE_LEDGER_DB, else the desktop app's,
                  ~/.config/Enclave Ledger/enclave-ledger.sqlite on Linux)
  -h, --help      help for a command: enclave-ledger <command> --help

Passwords are read from ENCLAVE_LEDGER_PASSWORD or asked for without echo; never pass them as
arguments. Exit status: 0 success, 1 the operation was refused or failed, 2 wrong usage.`;

export const INIT_HELP = `Usage: enclave-ledger init --db FILE --site-id ID --site-name NAME --system-high LEVEL
                          --admin USERNAME [--admin-name "Full Name"] [--role site|hq]

Creates FILE (it must not exist yet, or be an empty database) and records in its journal:
the site identity, default policy, and the first administrator (who also holds the security
officer role). The administrator's password (at least 15 characters) comes from
ENCLAVE_LEDGER_PASSWORD or is asked for twice.

  --site-id ID         2-32 characters A-Z, 0-9, dashes: names this installation in bundles
  --site-name NAME     the facility's name
  --system-high LEVEL  UNCLASSIFIED, CONFIDENTIAL, SECRET or "TOP SECRET": no record above it
  --role site|hq       a site (default) or headquarters
  --admin USERNAME     the first administrator's user name`;

export const CALL_HELP = `Usage: enclave-ledger call METHOD [JSON | @FILE | -] --db FILE --user USERNAME

Signs in as USERNAME (password from ENCLAVE_LEDGER_PASSWORD or a prompt), runs METHOD with the
JSON input (inline, from @FILE, or from standard input with -; default {}), prints the Result
envelope {"ok": true, "value": ...} or {"ok": false, "error": {...}} and exits 1 on an error.
The same roles, validation and audit apply as in the app. List methods with: enclave-ledger methods`;

export const JOURNAL_HELP = `Usage: enclave-ledger journal verify --db FILE

Opens FILE read-only, walks every site's hash chain and prints the result as JSON. Exit status 1
and the first broken link (site, seq, reason) if the journal was altered.`;

export function methodsHelp(): string {
  const width = Math.max(...METHOD_NAMES.map((m) => m.length));
  return METHOD_NAMES.map((name) => {
    const spec = contract[name];
    const access = typeof spec.access === 'string' ? spec.access : spec.access.join(', ');
    return `${name.padEnd(width)}  ${spec.summary}\n${' '.repeat(width)}  (${access})`;
  }).join('\n');
}

export const USERS_HELP = `Usage: enclave-ledger users <action> [USERNAME] --user ADMIN [--db FILE] [options]

Actions (administrators only; each is audited, with the reason given):
  list
  create USERNAME --name "Full Name" --roles ROLE[,ROLE...]
  disable USERNAME --reason TEXT
  enable USERNAME --reason TEXT
  unlock USERNAME --reason TEXT
  reset-password USERNAME --reason TEXT       the user must change it at next sign-in
  set-roles USERNAME --roles ROLE[,ROLE...] --reason TEXT

Roles: administrator, security_officer, custodian, auditor, hq_analyst.
The administrator's password comes from ENCLAVE_LEDGER_PASSWORD (or a prompt); a new or temporary
password for the account from ENCLAVE_LEDGER_NEW_PASSWORD (or a prompt).`;

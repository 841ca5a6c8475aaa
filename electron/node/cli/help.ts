import { METHOD_NAMES, contract } from '../../common/contract/index.js';

export const MAIN_HELP = `enclave-ledger: the Enclave Ledger command line

Usage: enclave-ledger <command> [options]

Commands:
  init            set up a new database: site identity, system-high level, first administrator
  call            run any API method as a user and print the Result as JSON
  journal verify  walk the journal's hash chains and report the first broken link
  passwd          change your own password (required after a reset or a new account)
  users           administer accounts: list, create, disable, enable, unlock, reset-password, set-roles
  report          run a report (inventory, open receipts, visits, incidents, annual inventory) as text or CSV
  methods         list the API methods, who may call them and what they do

Sync (signed bundles on removable media; see docs/sync.md):
  identity        show this installation's signing certificate and fingerprint; identity create
  trust           the trust store: list, add (with the fingerprint read out of band), revoke
  export          site: write what headquarters has not acknowledged to a signed bundle
  import          import bundles in any order (sites' at headquarters, acknowledgements at a site)
  ack             headquarters: write a signed acknowledgement for one site
  verify          verify a bundle file, without a database (given a certificate or trust store)

Common options:
  --db FILE       the database file (default: ENCLAVE_LEDGER_DB, else the desktop app's,
                  ~/.config/Enclave Ledger/enclave-ledger.sqlite on Linux)
  -h, --help      help for a command: enclave-ledger <command> --help

Passwords are read from ENCLAVE_LEDGER_PASSWORD or asked for without echo; never pass them as
arguments. The signing key's passphrase likewise: ENCLAVE_LEDGER_KEY_PASSPHRASE or a prompt. Exit status: 0 success, 1 the operation was refused or failed, 2 wrong usage.`;

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

export const IDENTITY_HELP = `Usage: enclave-ledger identity [show] --user USERNAME [--db FILE] [--write-cert FILE]
       enclave-ledger identity create --user ADMIN [--db FILE]

show (any signed-in user): prints this installation's certificate and the SHA-256 fingerprint of
its public key, to read aloud to the other side; --write-cert FILE writes the certificate (PEM)
to hand over on removable media (never overwrites a file).
create (administrators): makes the ECDSA P-384 key and self-signed certificate; the key is
stored sealed under a passphrase of at least 15 characters (ENCLAVE_LEDGER_KEY_PASSPHRASE or
asked for twice). Replacing an identity is not supported yet.`;

export const TRUST_HELP = `Usage: enclave-ledger trust list --user USERNAME [--db FILE]
       enclave-ledger trust add --cert FILE --site ID --role site|hq --fingerprint FP --user FSO
       enclave-ledger trust revoke (--site ID | --fingerprint FP) --reason TEXT --user USERNAME

add (security officers): trusts the certificate in FILE for site ID once FP, the fingerprint the
other side read out to you (sync identity there), matches it; a mismatch is refused and audited.
Headquarters adds its sites (--role site); a site adds headquarters (--role hq).
revoke (security officers, administrators): bundles signed by the key are refused from now on; a
revoked key is never trusted again.`;

export const EXPORT_HELP = `Usage: enclave-ledger export --out DIR --user FSO [--db FILE]

Site, security officers: writes every journal entry headquarters has not acknowledged yet to one
signed bundle in DIR (the removable medium), named SITE_FROM-TO_LEVEL.ledger.tar and marked with
the highest classification it carries. The file appears only once complete. A lost medium costs
nothing: until headquarters acknowledges them, the entries go out again with the next export.
The signing key's passphrase comes from ENCLAVE_LEDGER_KEY_PASSPHRASE or a prompt.`;

export const IMPORT_HELP = `Usage: enclave-ledger import FILE... --user FSO [--db FILE] [--preview]

Headquarters: imports sites' bundles in any order (sorted per site and applied in chain order);
each bundle applies whole or not at all. A bundle after a gap is held back and applied when the
missing one arrives; entries already held are checked and skipped; a fork, a record of another
site or a marking above system-high is refused and raises an alarm. At a site: imports
headquarters' acknowledgements. Prints one result per bundle; exit status 1 if any was refused.
--preview verifies the FILEs and says what importing exactly these would do, judged together
(a gap another FILE fills is not a gap), changing nothing.`;

export const ACK_HELP = `Usage: enclave-ledger ack --site ID --out DIR --user FSO [--db FILE] [--notes TEXT] [--expires-days N]

Headquarters, security officers: writes a signed acknowledgement for site ID to DIR: the head
received from the site (its next export starts after it), revocations of its keys and
unclassified notes; the site must import it within N days (default 30).`;

export const VERIFY_HELP = `Usage: enclave-ledger verify FILE --cert CERT.pem [--site ID]
       enclave-ledger verify FILE --trust-db FILE

Checks a bundle completely (tar, bag, every hash, the signature, the header, every entry and its
hash chain) without changing anything and without signing in. The signer must be CERT.pem (for
the site its CN names, or ID), or a certificate trusted in the given database's trust store (or
that database's own). Exit status 1 with the precise reason when the bundle is refused.`;

export const PASSWD_HELP = `Usage: enclave-ledger passwd --user USERNAME [--db FILE]

Changes USERNAME's own password. The current password comes from ENCLAVE_LEDGER_PASSWORD (or a
prompt), the new one from ENCLAVE_LEDGER_NEW_PASSWORD (or a prompt, twice). At least 15
characters with upper and lower case, a digit and a special character; not one of the last 5.`;

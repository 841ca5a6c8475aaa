// Roles as DOMAIN.md lists them. A user holds one or more; a contract method names the roles
// that may call it, and the core (not the UI) enforces that.

export const ROLES = ['administrator', 'security_officer', 'custodian', 'auditor', 'hq_analyst'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrator',
  security_officer: 'Security officer (FSO)',
  custodian: 'Custodian',
  auditor: 'Auditor',
  hq_analyst: 'Headquarters analyst',
};

/** Everyone who works with records (enters, reads). */
export const RECORD_WRITERS: readonly Role[] = ['security_officer', 'custodian'];
export const RECORD_READERS: readonly Role[] = ['security_officer', 'custodian', 'auditor', 'hq_analyst'];

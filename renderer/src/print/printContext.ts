// What every printed form says about where it comes from: the site and who prepared it.
export interface PrintOrigin {
  siteName: string;
  siteId: string;
  /** The signed-in user's display name. */
  preparedBy: string;
  /** Today at the workstation (YYYY-MM-DD). */
  today: string;
}

/** "Site Alpha (SITE-A) · prepared 2026-03-02 by Carl Custodian". */
export function originLine(origin: PrintOrigin): string {
  return `${origin.siteName} (${origin.siteId}) · prepared ${origin.today} by ${origin.preparedBy}`;
}

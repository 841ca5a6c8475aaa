// The query fields every record list (receipts, visits, incidents) builds the same way from its
// filters: the site, one status, the country code and the applied search.
export interface SharedFilters<Status extends string> {
  /** Headquarters: the site the records come from. */
  siteId: string;
  status: Status | '';
  country: string;
}

export interface SharedQueryFields<Status extends string> {
  siteId?: string;
  statuses?: Status[];
  includeVoid?: boolean;
  country?: string;
  search?: string;
}

export function sharedQueryFields<Status extends string>({ siteId, status, country }: SharedFilters<Status>, appliedSearch: string): SharedQueryFields<Status> {
  const fields: SharedQueryFields<Status> = {};
  if (siteId) fields.siteId = siteId;
  if (status) {
    fields.statuses = [status];
    // Void records are left out of a list unless the user asks for them by their status.
    if (status === 'void') fields.includeVoid = true;
  }
  if (country.trim()) fields.country = country.trim().toUpperCase();
  if (appliedSearch) fields.search = appliedSearch;
  return fields;
}

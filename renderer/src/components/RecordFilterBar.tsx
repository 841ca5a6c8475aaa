// The filter bar every record list shares: the debounced search box, the origin site (at
// headquarters), the list's own fields, the country, and "Clear filters". A refused filter's
// message stands next to its field.
import { Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import type { ReactNode } from 'react';
import { fieldSentence } from '../format/errors.js';
import { TextField } from './FormFields.js';
import { SiteFilterField } from './SiteFilterField.js';

/** What the bar needs of a list store (RecordListStore). */
export interface FilterableList {
  readonly filters: { siteId: string; country: string };
  readonly searchText: string;
  readonly hasFilters: boolean;
  readonly paged: { readonly filterErrors: ReadonlyMap<string, string> };
  setSearchText(text: string): void;
  applySearch(): void;
  setCountry(text: string): void;
  setFilter(key: 'siteId', value: string): void;
  clearFilters(): void;
}

/** The message for a filter field the core's query schema refused, in a sentence. */
export function filterError(list: FilterableList, key: string, label: string): string | undefined {
  const message = list.paged.filterErrors.get(key);
  return message ? fieldSentence(label, message) : undefined;
}

export const RecordFilterBar = observer(function RecordFilterBar(props: {
  list: FilterableList;
  /** Prefix of the fields' ids: `${idPrefix}-search`, `-site`, `-country`. */
  idPrefix: string;
  /** "receipts": the form is "Filter receipts", the box "Search receipts". */
  noun: string;
  searchHint: string;
  countryLabel: string;
  /** The list's own fields, between the site and the country. */
  children: ReactNode;
  /** Fields after the country (date ranges). */
  afterCountry?: ReactNode;
  /** Check boxes beside "Clear filters". */
  checks?: ReactNode;
}) {
  const { list, idPrefix } = props;
  return (
    <Form
      role="search"
      aria-label={`Filter ${props.noun}`}
      className="receipt-filters"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        list.applySearch();
      }}
    >
      <div className="receipt-filters__grid">
        <div className="receipt-filters__search">
          <TextField
            id={`${idPrefix}-search`}
            label={`Search ${props.noun}`}
            type="search"
            hint={props.searchHint}
            value={list.searchText}
            error={filterError(list, 'search', 'Search')}
            onChange={(v) => list.setSearchText(v)}
          />
        </div>
        <SiteFilterField id={`${idPrefix}-site`} value={list.filters.siteId} onChange={(v) => list.setFilter('siteId', v)} />
        {props.children}
        <TextField
          id={`${idPrefix}-country`}
          label={props.countryLabel}
          hint="Trigraph such as DEU, or NATO"
          value={list.filters.country}
          error={filterError(list, 'country', props.countryLabel)}
          onChange={(v) => list.setCountry(v)}
        />
        {props.afterCountry}
        <div className="receipt-filters__checks">
          {props.checks}
          <Button type="button" outline disabled={!list.hasFilters} onClick={() => list.clearFilters()}>
            Clear filters
          </Button>
        </div>
      </div>
    </Form>
  );
});

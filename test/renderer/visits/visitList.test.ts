// The visits list: the upcoming view and filters go to the core as the query schema takes them;
// a country code being typed waits, a wrong one is an error at the filter and nothing is asked.
import { describe, expect, it } from 'vitest';
import { flush } from '../support.js';
import { recordsRig } from './fakeVisitsApi.js';

describe('VisitListStore', () => {
  it('asks for upcoming visits of a country and type, from the first page', async () => {
    const { root, fake } = await recordsRig();
    const list = root.visits.list;
    list.setFilter('when', 'upcoming');
    list.setFilter('type', 'emergency');
    list.setCountry('de');
    list.setCountry('deu');
    await flush();
    expect(fake.callsOf('visits.list').at(-1)).toEqual({ when: 'upcoming', types: ['emergency'], country: 'DEU', sort: 'startDate', sortDir: 'asc', offset: 0, limit: 100 });
    expect(fake.callsOf('visits.list')).toHaveLength(3);
    expect(list.paged.total).toBe(0);
    expect(list.hasFilters).toBe(true);
  });

  it('shows a wrong country at the filter and asks nothing; clearing the filters asks again', async () => {
    const { root, fake } = await recordsRig();
    const list = root.visits.list;
    list.setCountry('germany');
    await flush();
    expect(list.paged.filterErrors.get('country')).toBe('must be a country trigraph or NATO');
    expect(fake.callsOf('visits.list')).toEqual([]);
    list.clearFilters();
    await flush();
    expect(list.paged.filterErrors.size).toBe(0);
    expect(fake.callsOf('visits.list')).toHaveLength(1);
  });
});

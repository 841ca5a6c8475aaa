// Headquarters holds the records of many sites: each list can be narrowed to one. Shown only at
// headquarters, to readers who may list the sites.
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { SelectField } from './FormFields.js';
import { useStores } from './StoresContext.js';

export const SiteFilterField = observer(function SiteFilterField({ id, value, onChange }: { id: string; value: string; onChange: (siteId: string) => void }) {
  const { provenance } = useStores();
  useEffect(() => {
    void provenance.loadSites();
  }, [provenance]);
  if (!provenance.atHq || (provenance.sites.length === 0 && value === '')) return null;
  return (
    <SelectField
      id={id}
      label="Origin site"
      value={value}
      placeholder="All sites"
      options={provenance.sites.map((siteId) => ({ value: siteId, label: siteId }))}
      onChange={onChange}
    />
  );
});

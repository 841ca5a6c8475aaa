// The classification editor: U.S. level (or U.S. equivalent of foreign information), CUI,
// foreign origin (country or NATO) with its own level, and the dissemination controls. The
// marking the entry will carry is previewed as it is typed.
import { Fieldset } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { FOREIGN_LEVELS, NATO_LEVELS, US_LEVELS } from '../../../../electron/common/classification/index.js';
import { useStores } from '../../components/StoresContext.js';
import { FOREIGN_KIND_LABELS } from '../../format/labels.js';
import { DraftCheckbox, DraftSelect, DraftText } from './draftInputs.js';

const levelOptions = (levels: readonly string[]) => levels.map((l) => ({ value: l, label: l }));

export const ClassificationFields = observer(function ClassificationFields() {
  const { receipts, session } = useStores();
  const f = receipts.form;
  const kind = f.values['classification.foreign'];
  const systemHigh = session.systemHigh;
  return (
    <Fieldset legend="Classification" legendStyle="large">
      <DraftSelect
        field="classification.level"
        required
        placeholder="- Select -"
        hint={systemHigh ? `For foreign information, the U.S. level it is protected at. This workstation is accredited up to ${systemHigh}.` : undefined}
        options={levelOptions(US_LEVELS)}
      />
      <DraftCheckbox field="classification.cui" hint="Only for unclassified information." />
      <DraftSelect
        field="classification.foreign"
        options={Object.entries(FOREIGN_KIND_LABELS).map(([value, label]) => ({ value, label }))}
      />
      {kind === 'country' && (
        <>
          <DraftText field="classification.foreign.countries" required hint="ISO 3166 trigraphs separated by spaces, e.g. DEU GBR." />
          <DraftSelect field="classification.foreign.level" required placeholder="- Select -" options={levelOptions(FOREIGN_LEVELS)} />
        </>
      )}
      {kind === 'nato' && (
        <>
          <DraftSelect field="classification.foreign.level" label="NATO classification level" required placeholder="- Select -" options={levelOptions(NATO_LEVELS)} />
          <DraftCheckbox field="classification.foreign.atomal" />
        </>
      )}
      {kind !== 'none' && (
        <>
          <DraftCheckbox field="classification.whollyForeign" hint="The document is the foreign government's own, not U.S. material with foreign portions." />
          <DraftCheckbox field="classification.concealSource" hint="Portion marks read (//FGI S); the record keeps the country." />
        </>
      )}
      <DraftCheckbox field="classification.noforn" />
      <DraftText field="classification.relTo" hint="Trigraphs besides USA, separated by spaces, e.g. GBR CAN. Not with NOFORN." />
      <p className="marking-preview" aria-live="polite">
        Marking: <strong>{f.markingPreview ?? 'complete the classification to see the marking'}</strong>
      </p>
    </Fieldset>
  );
});

// The parts of the new-incident form: the record, what/where/when, who reported it, the material
// involved (repeated, each with its classification), the exposure and the unauthorised persons
// (repeated), foreign involvement.
import { Button, Fieldset } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { FOREIGN_LEVELS, NATO_LEVELS, US_LEVELS } from '../../../../electron/common/classification/index.js';
import type { Option } from '../../components/FormFields.js';
import { CheckboxField, DateField, SelectField, TextAreaField, TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { inputId } from '../../format/fieldPaths.js';
import { FOREIGN_KIND_LABELS } from '../../format/labels.js';
import type { IncidentField, MaterialField, PersonField } from '../../stores/IncidentFormValues.js';
import { INCIDENT_LABELS, MATERIAL_LABELS, PERSON_LABELS } from '../../stores/IncidentFormValues.js';

type Kind = 'text' | 'textarea' | 'date' | 'select' | 'check';
const levels = (list: readonly string[]): Option[] => list.map((l) => ({ value: l, label: l }));
const KIND_OPTIONS = Object.entries(FOREIGN_KIND_LABELS).map(([value, label]) => ({ value, label }));

interface InputProps {
  id: string;
  label: string;
  kind: Kind;
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
  required?: boolean;
  hint?: string;
  options?: readonly Option[];
}

function Input({ kind, options, ...p }: InputProps) {
  switch (kind) {
    case 'text':
      return <TextField {...p} />;
    case 'textarea':
      return <TextAreaField {...p} />;
    case 'date':
      return <DateField {...p} />;
    case 'select':
      return <SelectField {...p} options={options ?? []} placeholder={p.required ? '- Select -' : undefined} />;
    case 'check':
      return <CheckboxField id={p.id} label={p.label} hint={p.hint} error={p.error} checked={p.value === 'true'} onChange={(c) => p.onChange(c ? 'true' : '')} />;
  }
}

export const IncidentInput = observer(function IncidentInput({ field, kind = 'text', ...rest }: { field: IncidentField; kind?: Kind; required?: boolean; hint?: string; options?: readonly Option[] }) {
  const { form } = useStores().incidents;
  const label = INCIDENT_LABELS[field];
  return <Input id={inputId('incident', field)} label={label} kind={kind} value={form.values[field]} error={form.errorFor(field, label)} onChange={(v) => form.setValue(field, v)} {...rest} />;
});

/** U.S. level, foreign origin (none, a country, NATO), countries and the foreign level. */
function ClassificationInputs({ value, field }: { value: (f: 'classification.level' | 'classification.foreign' | 'classification.foreign.countries' | 'classification.foreign.level') => string; field: (f: 'classification.level' | 'classification.foreign' | 'classification.foreign.countries' | 'classification.foreign.level', kind: Kind, extra?: Partial<InputProps>) => InputProps }) {
  const kind = value('classification.foreign');
  return (
    <>
      <Input {...field('classification.level', 'select', { required: true, options: levels(US_LEVELS) })} />
      <Input {...field('classification.foreign', 'select', { options: KIND_OPTIONS })} />
      {kind === 'country' && <Input {...field('classification.foreign.countries', 'text', { required: true, hint: 'ISO 3166 trigraphs separated by spaces, e.g. DEU GBR.' })} />}
      {kind !== 'none' && <Input {...field('classification.foreign.level', 'select', { required: true, options: levels(kind === 'nato' ? NATO_LEVELS : FOREIGN_LEVELS) })} />}
    </>
  );
}

export const RecordSection = observer(function RecordSection() {
  const { form } = useStores().incidents;
  return (
    <Fieldset legend="Incident" legendStyle="large">
      <IncidentInput field="incidentNumber" hint="Left blank, the ledger numbers it INC-<year>-<nnnn>." />
      <IncidentInput field="unclassifiedTitle" required hint="Fit for any list: no classified words." />
      <ClassificationInputs
        value={(f) => form.values[f]}
        field={(f, kind, extra) => ({ id: inputId('incident', f), label: INCIDENT_LABELS[f], kind, value: form.values[f], error: form.errorFor(f, INCIDENT_LABELS[f]), onChange: (v) => form.setValue(f, v), ...extra })}
      />
      <IncidentInput field="description" kind="textarea" required />
      <IncidentInput field="location" required />
      <IncidentInput field="occurredOn" kind="date" hint="If known." />
      <IncidentInput field="discoveredOn" kind="date" required />
      <IncidentInput field="reportedBy" required />
      <IncidentInput field="reportedTo" required />
      <IncidentInput field="reportedOn" kind="date" required hint="The step due dates count from this date." />
    </Fieldset>
  );
});

export const MaterialSection = observer(function MaterialSection() {
  const { form } = useStores().incidents;
  const whole = form.errorFor('material', 'Material involved');
  return (
    <Fieldset legend="Material involved" legendStyle="large" id={inputId('incident', 'material')}>
      {whole && <span className="usa-error-message">{whole}</span>}
      {form.material.map((m, i) => {
        const field = (f: MaterialField, kind: Kind, extra?: Partial<InputProps>): InputProps => {
          const key = `material.${i}.${f}`;
          return { id: inputId('incident', key), label: MATERIAL_LABELS[f], kind, value: m[f], error: form.errorFor(key, MATERIAL_LABELS[f]), onChange: (v) => form.setMaterial(i, f, v), ...extra };
        };
        return (
          <Fieldset key={i} legend={`Material ${i + 1}`} className="visitor-subform">
            <Input {...field('description', 'text', { required: true })} />
            <ClassificationInputs value={(f) => m[f]} field={field} />
            <Input {...field('originator', 'text')} />
            <Input {...field('materialDate', 'date')} />
            <Input {...field('materialType', 'text')} />
            {form.material.length > 1 && (
              <Button type="button" outline onClick={() => form.removeMaterial(i)}>
                Remove material {i + 1}
              </Button>
            )}
          </Fieldset>
        );
      })}
      <Button type="button" outline className="margin-top-2" onClick={() => form.addMaterial()}>
        Add material
      </Button>
    </Fieldset>
  );
});

export const ExposureSection = observer(function ExposureSection() {
  const { form } = useStores().incidents;
  return (
    <Fieldset legend="Exposure" legendStyle="large">
      <IncidentInput field="exposure.from" kind="date" />
      <IncidentInput field="exposure.to" kind="date" />
      <IncidentInput field="exposure.circumstances" kind="textarea" />
      {form.persons.map((p, i) => (
        <Fieldset key={i} legend={`Unauthorised person ${i + 1}`} className="visitor-subform">
          {(Object.keys(PERSON_LABELS) as PersonField[]).map((f) => {
            const key = `unauthorisedPersons.${i}.${f}`;
            const props = { id: inputId('incident', key), label: PERSON_LABELS[f], value: p[f], error: form.errorFor(key, PERSON_LABELS[f]), onChange: (v: string) => form.setPerson(i, f, v) };
            return <TextField key={f} {...props} required={f === 'name'} hint={f === 'nationality' ? 'ISO 3166 trigraph, if known.' : undefined} />;
          })}
          <Button type="button" outline onClick={() => form.removePerson(i)}>
            Remove unauthorised person {i + 1}
          </Button>
        </Fieldset>
      ))}
      <Button type="button" outline className="margin-top-2" onClick={() => form.addPerson()}>
        Add an unauthorised person with possible access
      </Button>
    </Fieldset>
  );
});

export const ForeignSection = observer(function ForeignSection() {
  const { form } = useStores().incidents;
  return (
    <Fieldset legend="Foreign government" legendStyle="large">
      <IncidentInput field="foreignGovernment.involved" kind="check" hint="Required when the material includes foreign government information." />
      {form.values['foreignGovernment.involved'] === 'true' && (
        <IncidentInput field="foreignGovernment.countries" required hint="Trigraphs (or NATO) separated by spaces; must include the origin of the foreign material." />
      )}
      <IncidentInput field="notes" kind="textarea" />
    </Fieldset>
  );
});

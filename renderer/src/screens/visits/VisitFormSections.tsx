// The parts of the new visit request form, one fieldset each. Type-specific fields show for
// their type only (Technology Control Plan for long-term visits; person visited, foreign point
// of contact and justification for emergencies); the limits are listed before the dates.
import { Button, Fieldset } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { ACCESS_LEVELS, ACCESS_LEVEL_LABELS, VISIT_DIRECTIONS, VISIT_TYPES, VISIT_TYPE_LABELS } from '../../../../electron/common/visits/model.js';
import type { Option } from '../../components/FormFields.js';
import { CheckboxField, DateField, SelectField, TextAreaField, TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { inputId } from '../../format/fieldPaths.js';
import { DIRECTION_LABELS } from '../../format/labels.js';
import type { RequestField } from '../../stores/VisitFormValues.js';
import { FACILITY_FIELDS, FACILITY_LABELS, REQUEST_LABELS } from '../../stores/VisitFormValues.js';

type Kind = 'text' | 'textarea' | 'date' | 'check' | 'select';

export const RequestInput = observer(function RequestInput({
  field,
  kind = 'text',
  hint,
  required,
  options,
  placeholder,
}: {
  field: RequestField;
  kind?: Kind;
  hint?: string;
  required?: boolean;
  options?: readonly Option[];
  placeholder?: string;
}) {
  const { form } = useStores().visits;
  const label = REQUEST_LABELS[field];
  const props = { id: inputId('visit', field), label, hint, required, error: form.errorFor(field, label), value: form.values[field], onChange: (v: string) => form.setValue(field, v) };
  switch (kind) {
    case 'text':
      return <TextField {...props} />;
    case 'textarea':
      return <TextAreaField {...props} />;
    case 'date':
      return <DateField {...props} />;
    case 'select':
      return <SelectField {...props} options={options ?? []} placeholder={placeholder} />;
    case 'check':
      return <CheckboxField id={props.id} label={label} hint={hint} error={props.error} checked={props.value === 'true'} onChange={(c) => form.setValue(field, c ? 'true' : '')} />;
  }
});

export const RequestBasics = observer(function RequestBasics() {
  const { form } = useStores().visits;
  return (
    <Fieldset legend="Request" legendStyle="large">
      <RequestInput field="direction" kind="select" required options={VISIT_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))} hint="Incoming: foreign nationals visit us. Outgoing: our cleared employees visit abroad." />
      <RequestInput field="type" kind="select" required placeholder="- Select -" options={VISIT_TYPES.map((t) => ({ value: t, label: VISIT_TYPE_LABELS[t] }))} />
      <RequestInput field="requestNumber" required />
      <RequestInput field="unclassifiedTitle" required hint="Visit requests must themselves be unclassified." />
      <RequestInput field="classification.cui" kind="check" hint="The request names people: CUI unless there is a reason not to." />
      <p className="marking-preview">
        Marking: <strong>{form.values['classification.cui'] === 'true' ? 'CUI' : 'UNCLASSIFIED'}</strong>
      </p>
      <RequestInput field="country" required hint="ISO 3166 trigraph: the sponsor of an incoming visit, the host of an outgoing one." />
      <RequestInput field="natoVisit" kind="check" hint="Records of NATO visits are kept 3 years instead of 1." />
      <RequestInput field="requester.government" required />
      <RequestInput field="requester.agency" />
      <RequestInput field="requester.company" />
    </Fieldset>
  );
});

export const FacilitiesSection = observer(function FacilitiesSection() {
  const { form } = useStores().visits;
  const whole = form.errorFor('facilities', 'Facilities visited');
  return (
    <Fieldset legend="Facilities visited" legendStyle="large" id={inputId('visit', 'facilities')}>
      {whole && <span className="usa-error-message">{whole}</span>}
      {form.facilities.map((facility, i) => (
        <Fieldset key={i} legend={`Facility ${i + 1}`} className="visitor-subform">
          {FACILITY_FIELDS.map((f) => {
            const key = `facilities.${i}.${f}`;
            const label = FACILITY_LABELS[f];
            const props = { id: inputId('visit', key), label, value: facility[f], error: form.errorFor(key, label), onChange: (v: string) => form.setFacility(i, f, v) };
            return f === 'address' ? <TextAreaField key={f} {...props} /> : <TextField key={f} {...props} required />;
          })}
          {form.facilities.length > 1 && (
            <Button type="button" outline onClick={() => form.removeFacility(i)}>
              Remove facility {i + 1}
            </Button>
          )}
        </Fieldset>
      ))}
      <Button type="button" outline className="margin-top-2" onClick={() => form.addFacility()}>
        Add facility
      </Button>
    </Fieldset>
  );
});

export const DatesSection = observer(function DatesSection() {
  const { form } = useStores().visits;
  return (
    <Fieldset legend="Dates" legendStyle="large">
      <div className="usa-summary-box margin-top-2" role="region" aria-labelledby="visit-limits-heading">
        <h2 className="usa-summary-box__heading" id="visit-limits-heading">
          Limits for this request
        </h2>
        <ul className="usa-list" aria-live="polite">
          {form.limits.map((limit) => (
            <li key={limit}>{limit}</li>
          ))}
        </ul>
      </div>
      <RequestInput field="startDate" kind="date" required />
      <RequestInput field="endDate" kind="date" required />
      <RequestInput field="submittedOn" kind="date" required hint="The date the sponsoring government (or we, to the CSA) submitted the request." />
      {form.values.direction === 'outgoing' && <RequestInput field="hostLeadTimeWorkingDays" required={form.values.type !== 'emergency'} hint="We add 5 working days." />}
    </Fieldset>
  );
});

export const AuthoritySection = observer(function AuthoritySection() {
  const { form } = useStores().visits;
  const v = form.values;
  const emergency = v.type === 'emergency';
  return (
    <Fieldset legend="Authority, purpose and access" legendStyle="large">
      <RequestInput field="authority.program" />
      <RequestInput field="authority.contractNumber" required={emergency} />
      <RequestInput field="authority.fmsCase" />
      <RequestInput field="authority.exportLicence" hint="With an export licence, a denied or non-sponsored visit is not limited to public-domain information." />
      <RequestInput field="purpose" kind="textarea" required />
      <RequestInput field="accessLevel" kind="select" required placeholder="- Select -" options={ACCESS_LEVELS.map((l) => ({ value: l, label: ACCESS_LEVEL_LABELS[l] }))} />
      <RequestInput field="assurance" kind="check" hint="Needed before classified access is approved." />
      {v.assurance === 'true' && (
        <>
          <RequestInput field="securityAssurance.providedBy" required />
          <RequestInput field="securityAssurance.on" kind="date" required />
          <RequestInput field="securityAssurance.reference" />
        </>
      )}
      {v.type === 'long_term' && <RequestInput field="technologyControlPlanRef" required hint="A long-term / extended visit is governed by a Technology Control Plan." />}
      {emergency && (
        <>
          <RequestInput field="personVisited" required />
          <RequestInput field="foreignGovernmentPoc" required />
          <RequestInput field="emergencyJustification" kind="textarea" required />
        </>
      )}
      <RequestInput field="host" />
      <RequestInput field="escort" />
      <RequestInput field="notes" kind="textarea" />
    </Fieldset>
  );
});

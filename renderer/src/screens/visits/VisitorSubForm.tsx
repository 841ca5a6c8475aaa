// One visitor as a repeated sub-form (identity, nationality, passport or ID, clearance and its
// granting authority, position, employer). The fieldset's legend ("Visitor 2") names the group,
// so every visitor's "Full name" is told apart; errors sit next to each input.
import { Button, Fieldset } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { DateField, SelectField, TextField } from '../../components/FormFields.js';
import { inputId } from '../../format/fieldPaths.js';
import type { VisitorField, VisitorValues } from '../../stores/VisitorValues.js';
import { CLEARANCE_OPTIONS, DOCUMENT_OPTIONS, VISITOR_LABELS } from '../../stores/VisitorValues.js';

interface Props {
  form: string;
  /** The key of this visitor in the form: 'visitors.1' or 'amendment.addVisitors.0'. */
  prefix: string;
  legend: string;
  values: VisitorValues;
  errorFor: (key: string, label: string) => string | undefined;
  onChange: (field: VisitorField, value: string) => void;
  onRemove?: () => void;
}

export const VisitorSubForm = observer(function VisitorSubForm({ form, prefix, legend, values, errorFor, onChange, onRemove }: Props) {
  const field = (name: VisitorField) => {
    const key = `${prefix}.${name}`;
    const label = VISITOR_LABELS[name];
    return { id: inputId(form, key), label, value: values[name], error: errorFor(key, label), onChange: (v: string) => onChange(name, v) };
  };
  const cleared = values['clearance.level'] !== '' && values['clearance.level'] !== 'NONE';
  const whole = errorFor(prefix, legend);
  return (
    <Fieldset legend={legend} className="visitor-subform" id={inputId(form, prefix)}>
      {whole && <span className="usa-error-message">{whole}</span>}
      <TextField {...field('fullName')} required />
      <DateField {...field('dateOfBirth')} required />
      <TextField {...field('placeOfBirth')} required />
      <TextField {...field('nationality')} required hint="ISO 3166 trigraph, e.g. DEU (USA for U.S. persons)." />
      <SelectField {...field('document.type')} required options={DOCUMENT_OPTIONS} />
      <TextField {...field('document.number')} required hint="Shown masked once saved; revealing it is audited." />
      <TextField {...field('document.issuingCountry')} required hint="ISO 3166 trigraph." />
      <SelectField {...field('clearance.level')} required placeholder="- Select -" options={CLEARANCE_OPTIONS} />
      <TextField {...field('clearance.grantingAuthority')} required={cleared} hint="The government authority that granted the clearance." />
      <TextField {...field('position')} required />
      <TextField {...field('employer')} required />
      {onRemove && (
        <Button type="button" outline className="margin-top-2" onClick={onRemove}>
          Remove {legend.toLowerCase()}
        </Button>
      )}
    </Fieldset>
  );
});

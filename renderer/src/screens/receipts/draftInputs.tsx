// Inputs bound to one field of the receipt form store: label, value, error and id all come
// from the field's key, so each section of the form is a list of keys.
import { observer } from 'mobx-react-lite';
import type { Option } from '../../components/FormFields.js';
import { CheckboxField, DateField, SelectField, TextAreaField, TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import type { FlagField, TextField as TextKey } from '../../stores/ReceiptFormStore.js';
import { FIELD_LABELS, fieldId } from '../../stores/draftForm.js';

interface Common {
  field: TextKey;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  label?: string;
}

function useTextField(field: TextKey) {
  const { form } = useStores().receipts;
  return {
    id: fieldId(field),
    label: FIELD_LABELS[field],
    value: String(form.values[field]),
    error: form.errorFor(field),
    onChange: (value: string) => form.setText(field, value),
  };
}

export const DraftText = observer(function DraftText({ field, ...rest }: Common) {
  const props = useTextField(field);
  return <TextField {...props} {...rest} />;
});

export const DraftTextArea = observer(function DraftTextArea({ field, ...rest }: Common) {
  const props = useTextField(field);
  return <TextAreaField {...props} {...rest} />;
});

export const DraftDate = observer(function DraftDate({ field, ...rest }: Common) {
  const props = useTextField(field);
  return <DateField {...props} {...rest} />;
});

export const DraftSelect = observer(function DraftSelect({
  field,
  options,
  placeholder,
  ...rest
}: Common & { options: readonly Option[]; placeholder?: string }) {
  const props = useTextField(field);
  return <SelectField {...props} {...rest} options={options} placeholder={placeholder} />;
});

export const DraftCheckbox = observer(function DraftCheckbox({ field, hint, disabled }: { field: FlagField; hint?: string; disabled?: boolean }) {
  const { form } = useStores().receipts;
  return (
    <CheckboxField
      id={fieldId(field)}
      label={FIELD_LABELS[field]}
      hint={hint}
      disabled={disabled}
      checked={form.values[field]}
      error={form.errorFor(field)}
      onChange={(checked) => form.setValue(field, checked)}
    />
  );
});

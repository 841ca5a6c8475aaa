// The small form of one workflow action (dispatch, record signed receipt, ...). Sent with the
// version the user saw; a CONFLICT or INVALID_TRANSITION answer is shown here, in the form.
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef } from 'react';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import type { ActionField } from '../../stores/actionForms.js';
import { ACTION_FIELDS, actionFieldId } from '../../stores/actionForms.js';

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

const ActionInput = observer(function ActionInput({ field }: { field: ActionField }) {
  const { detail } = useStores().receipts;
  const common = {
    id: actionFieldId(field.name),
    label: field.label,
    hint: field.hint,
    error: detail.actionErrors.get(field.name),
    value: detail.actionValues[field.name] ?? '',
    onChange: (value: string) => detail.setActionValue(field.name, value),
    required: field.name !== 'outgoingControlNumber' && !field.name.endsWith('notes') && !field.name.endsWith('certificateNumber') && field.kind !== 'list',
  };
  switch (field.kind) {
    case 'date':
      return <DateField {...common} />;
    case 'textarea':
      return <TextAreaField {...common} />;
    case 'yesno':
      return <SelectField {...common} placeholder="- Select -" options={YES_NO} />;
    case 'number':
    case 'text':
    case 'list':
      return <TextField {...common} />;
  }
});

export const ActionForm = observer(function ActionForm() {
  const { detail } = useStores().receipts;
  const type = detail.activeAction;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [type]);
  if (type === null) return null;
  const label = detail.activeActionLabel ?? type;
  return (
    <Form
      className="action-form"
      aria-labelledby="action-form-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void detail.submitAction();
      }}
    >
      <h2 id="action-form-heading" ref={heading} tabIndex={-1}>
        {label}
      </h2>
      {detail.actionError && (
        <Alert type="error" headingLevel="h3" heading={detail.conflict ? 'Changed by someone else' : 'Not recorded'} role="alert">
          {detail.actionError}
        </Alert>
      )}
      {detail.conflict && (
        <Button type="button" outline onClick={() => void detail.reload()}>
          Reload receipt
        </Button>
      )}
      {ACTION_FIELDS[type].length === 0 && <p>This action needs no further details.</p>}
      {ACTION_FIELDS[type].map((field) => (
        <ActionInput key={field.name} field={field} />
      ))}
      <div className="button-row">
        <Button type="submit" disabled={detail.isSaving}>
          Confirm
        </Button>
        <Button type="button" outline onClick={() => detail.cancelAction()}>
          Cancel
        </Button>
      </div>
    </Form>
  );
});

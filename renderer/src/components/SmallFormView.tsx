// The view of a SmallForm: heading (the form's accessible name), the refusal if any, the
// inputs, Confirm and Cancel. Shown where its target is (the record, a visitor, a person).
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { inputId } from '../format/fieldPaths.js';
import type { SmallField, SmallForm } from '../stores/SmallForm.js';
import { CheckboxField, DateField, SelectField, TextAreaField, TextField } from './FormFields.js';

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

const SmallInput = observer(function SmallInput({ form, field, formKey }: { form: SmallForm; field: SmallField; formKey: string }) {
  const hint = typeof field.hint === 'function' ? field.hint(form.values) : field.hint;
  const common = {
    id: inputId(formKey, field.name),
    label: field.label,
    hint,
    error: form.errors.get(field.name),
    required: field.required,
    value: form.values[field.name] ?? '',
    onChange: (value: string) => form.set(field.name, value),
  };
  switch (field.kind) {
    case 'date':
    case 'optionalDate':
      return <DateField {...common} />;
    case 'time':
      return <TimeField {...common} />;
    case 'textarea':
      return <TextAreaField {...common} />;
    case 'select':
      return <SelectField {...common} placeholder="- Select -" options={field.options ?? []} />;
    case 'yesno':
      return <SelectField {...common} placeholder="- Select -" options={YES_NO} />;
    case 'check':
      return (
        <CheckboxField
          id={common.id}
          label={field.label}
          hint={hint}
          error={common.error}
          checked={common.value === 'true'}
          onChange={(checked) => form.set(field.name, checked ? 'true' : '')}
        />
      );
    case 'text':
    case 'number':
      return <TextField {...common} />;
  }
});

/** A time of day as HH:MM (24-hour), the way the schemas take it. */
function TimeField(props: { id: string; label: string; hint?: string | undefined; error?: string | undefined; required?: boolean | undefined; value: string; onChange: (v: string) => void }) {
  const { id, error, hint } = props;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter((x) => x !== null).join(' ') || undefined;
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor={id}>
        {props.label}
        {props.required && (
          <abbr title="required" className="usa-hint usa-hint--required">
            {' '}*
          </abbr>
        )}
      </label>
      {hint && (
        <span className="usa-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="usa-error-message" id={`${id}-error`}>
          {error}
        </span>
      )}
      <input
        id={id}
        name={id}
        type="time"
        className={`usa-input usa-input--small${error ? ' usa-input--error' : ''}`}
        value={props.value}
        aria-invalid={error ? true : undefined}
        aria-required={props.required ? true : undefined}
        aria-describedby={described}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

export const SmallFormView = observer(function SmallFormView({
  form,
  target = null,
  headingLevel = 'h2',
  reloadLabel,
  onReload,
  children,
}: {
  form: SmallForm;
  target?: string | null;
  headingLevel?: 'h2' | 'h3' | 'h4';
  reloadLabel?: string;
  onReload?: () => void;
  children?: ReactNode;
}) {
  const spec = form.active;
  const shown = spec !== null && (spec.target ?? null) === target;
  const heading = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const key = shown ? `${spec.key}/${spec.target ?? ''}` : null;
  useEffect(() => {
    if (key !== null) heading.current?.focus();
  }, [key]);
  useEffect(() => {
    if (form.refused > 0) alertRef.current?.focus();
  }, [form.refused]);
  if (!shown) return null;
  const Heading = headingLevel;
  const headingId = `${spec.key}-heading`;
  const alertLevel = headingLevel === 'h2' ? 'h3' : 'h4';
  return (
    <Form
      className="action-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit();
      }}
    >
      <Heading id={headingId} ref={heading} tabIndex={-1}>
        {spec.title}
      </Heading>
      {spec.intro && <p className="usa-hint">{spec.intro}</p>}
      {form.general && (
        <div ref={alertRef} tabIndex={-1}>
          <Alert type="error" headingLevel={alertLevel} heading={form.conflict ? 'Not recorded: the record changed' : 'Not recorded'} role="alert">
            {form.general}
          </Alert>
        </div>
      )}
      {form.conflict && onReload && (
        <Button type="button" outline onClick={onReload}>
          {reloadLabel ?? 'Reload'}
        </Button>
      )}
      {children}
      {spec.fields.length === 0 && <p>This action needs no further details.</p>}
      {spec.fields.map((field) => (
        <SmallInput key={field.name} form={form} field={field} formKey={spec.key} />
      ))}
      <div className="button-row">
        <Button type="submit" disabled={form.isSaving}>
          Confirm
        </Button>
        <Button type="button" outline onClick={() => form.close()}>
          Cancel
        </Button>
      </div>
    </Form>
  );
});

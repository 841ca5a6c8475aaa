// Labelled inputs in the USWDS pattern: label, hint, error message, then the input, tied
// together by id and aria-describedby so a screen reader reads the error with the field.
import { Checkbox, FormGroup, Label, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

interface BaseProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  disabled?: boolean;
}

function describedBy(id: string, error: string | undefined, hint: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter((x) => x !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/**
 * The USWDS error message, without the role="alert" of the library's ErrorMessage: after a
 * refused save the error summary is announced once, not every field's error at the same time.
 */
function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span className="usa-error-message" id={id}>
      {children}
    </span>
  );
}

function FieldFrame({ id, label, error, hint, required, children }: BaseProps & { children: ReactNode }) {
  return (
    <FormGroup error={error !== undefined}>
      <Label htmlFor={id} error={error !== undefined} requiredMarker={required}>
        {label}
      </Label>
      {hint && (
        <span className="usa-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
      {children}
    </FormGroup>
  );
}

export function TextField(props: BaseProps & { value: string; onChange: (value: string) => void; type?: 'text' | 'password' | 'search'; autoComplete?: string }) {
  const { id, error, hint } = props;
  return (
    <FieldFrame {...props}>
      <TextInput
        id={id}
        name={id}
        type={props.type ?? 'text'}
        value={props.value}
        disabled={props.disabled}
        autoComplete={props.autoComplete ?? 'off'}
        validationStatus={error ? 'error' : undefined}
        aria-invalid={error ? true : undefined}
        aria-required={props.required ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </FieldFrame>
  );
}

/** A calendar date (YYYY-MM-DD), as the schemas take it. */
export function DateField(props: BaseProps & { value: string; onChange: (value: string) => void }) {
  const { id, error, hint } = props;
  return (
    <FieldFrame {...props}>
      <input
        id={id}
        name={id}
        type="date"
        className={`usa-input usa-input--medium${error ? ' usa-input--error' : ''}`}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={error ? true : undefined}
        aria-required={props.required ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: BaseProps & { value: string; onChange: (value: string) => void }) {
  const { id, error, hint } = props;
  return (
    <FieldFrame {...props}>
      <Textarea
        id={id}
        name={id}
        value={props.value}
        disabled={props.disabled}
        error={error !== undefined}
        aria-invalid={error ? true : undefined}
        aria-required={props.required ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: BaseProps & { value: string; onChange: (value: string) => void; options: readonly Option[]; placeholder?: string }) {
  const { id, error, hint } = props;
  return (
    <FieldFrame {...props}>
      <Select
        id={id}
        name={id}
        value={props.value}
        disabled={props.disabled}
        validationStatus={error ? 'error' : undefined}
        aria-invalid={error ? true : undefined}
        aria-required={props.required ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </FieldFrame>
  );
}

export function CheckboxField(props: BaseProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  const { id, error, hint } = props;
  return (
    <FormGroup error={error !== undefined}>
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
      <Checkbox
        id={id}
        name={id}
        label={props.label}
        labelDescription={hint ? <span id={`${id}-hint`}>{hint}</span> : undefined}
        checked={props.checked}
        disabled={props.disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => props.onChange(e.target.checked)}
      />
    </FormGroup>
  );
}

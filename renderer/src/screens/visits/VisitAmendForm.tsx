// The amendment form: new dates (never an earlier start), names changed or removed, visitors
// added, a reference and a reason. An emergency request says up front that it cannot be amended,
// and the core's refusal is shown here when the user tries anyway.
import { Alert, Button, Fieldset, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef } from 'react';
import { CheckboxField, DateField, TextAreaField, TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { inputId } from '../../format/fieldPaths.js';
import { AMEND_LABELS } from '../../stores/VisitAmendStore.js';
import { VisitorSubForm } from './VisitorSubForm.js';

const FORM = 'amend';

export const VisitAmendForm = observer(function VisitAmendForm() {
  const { detail } = useStores().visits;
  const amend = detail.amend;
  const heading = useRef<HTMLHeadingElement>(null);
  const problem = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (amend.isOpen) heading.current?.focus();
  }, [amend.isOpen]);
  useEffect(() => {
    if (amend.refused > 0) problem.current?.focus();
  }, [amend.refused]);
  if (!amend.isOpen || !detail.visit) return null;
  const text = (field: 'reference' | 'reason' | 'startDate' | 'endDate') => {
    const key = `amendment.${field}`;
    const label = AMEND_LABELS[key] ?? key;
    return { id: inputId(FORM, key), label, value: amend[field], error: amend.errorFor(key, label), onChange: (v: string) => amend.set(field, v) };
  };
  const removedError = amend.errorFor('amendment.removeVisitors', 'Visitors removed');
  return (
    <Form
      className="action-form amend-form"
      aria-labelledby="amend-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void amend.submit();
      }}
    >
      <h2 id="amend-heading" ref={heading} tabIndex={-1}>
        Amend request
      </h2>
      <p className="usa-hint">An amendment may only add, change or remove names and change the dates. It is kept as a new version beside the previous one.</p>
      {amend.refusedUpFront && (
        <Alert type="warning" headingLevel="h3" slim>
          An emergency request cannot be amended (MISWG Document 7): submit a new request instead. The ledger will refuse this amendment.
        </Alert>
      )}
      {amend.general && (
        <div ref={problem} tabIndex={-1}>
          <Alert type="error" headingLevel="h3" heading="Amendment refused" role="alert">
            {amend.general}
            {amend.summary.length > 0 && (
              <ul className="usa-list">
                {amend.summary.map((e) => (
                  <li key={e.key}>{e.message}</li>
                ))}
              </ul>
            )}
          </Alert>
        </div>
      )}
      <Fieldset legend="Dates">
        <p className="usa-hint">{amend.limit}</p>
        <DateField {...text('startDate')} required />
        <DateField {...text('endDate')} required />
      </Fieldset>
      <Fieldset legend="Visitors on the request" id={inputId(FORM, 'amendment.removeVisitors')}>
        {removedError && <span className="usa-error-message">{removedError}</span>}
        {detail.activeVisitors.map((visitor, i) => {
          const renameLabel = `Name of visitor ${i + 1}`;
          return (
            <div key={visitor.id} className="amend-visitor">
              <TextField
                id={inputId(FORM, `rename.${visitor.id}`)}
                label={renameLabel}
                value={amend.names.get(visitor.id) ?? visitor.fullName}
                disabled={amend.removed.has(visitor.id)}
                error={amend.errorFor(`rename.${visitor.id}`, renameLabel)}
                onChange={(v) => amend.rename(visitor.id, v)}
              />
              <CheckboxField
                id={inputId(FORM, `remove.${visitor.id}`)}
                label={`Remove ${visitor.fullName}`}
                checked={amend.removed.has(visitor.id)}
                error={amend.errorFor(`remove.${visitor.id}`, `Removal of ${visitor.fullName}`)}
                onChange={(checked) => amend.toggleRemove(visitor.id, checked)}
              />
            </div>
          );
        })}
      </Fieldset>
      {amend.added.map((visitor, i) => (
        <VisitorSubForm
          key={i}
          form={FORM}
          prefix={`amendment.addVisitors.${i}`}
          legend={`Added visitor ${i + 1}`}
          values={visitor}
          errorFor={(key, label) => amend.errorFor(key, label)}
          onChange={(field, value) => amend.setAdded(i, field, value)}
          onRemove={() => amend.removeAdded(i)}
        />
      ))}
      <Button type="button" outline className="margin-top-2" onClick={() => amend.addVisitor()}>
        Add a visitor
      </Button>
      <TextField {...text('reference')} hint="The sponsoring government's or CSA's reference, if any." />
      <TextAreaField {...text('reason')} required />
      <div className="button-row">
        <Button type="submit" disabled={amend.isSaving}>
          Submit amendment
        </Button>
        <Button type="button" outline onClick={() => amend.close()}>
          Cancel
        </Button>
      </div>
    </Form>
  );
});

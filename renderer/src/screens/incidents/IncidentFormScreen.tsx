// A new loss/compromise incident. Checked with the contract's schema before sending; the core's
// refusals land next to the fields. The determination, findings and personnel are recorded
// afterwards, each with its own action on the incident.
import { Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { inputId } from '../../format/fieldPaths.js';
import { ExposureSection, ForeignSection, MaterialSection, RecordSection } from './IncidentFormSections.js';

export const IncidentFormScreen = observer(function IncidentFormScreen() {
  const { incidents, ui } = useStores();
  const { form } = incidents;
  const heading = usePage('New incident');
  useEffect(() => {
    void form.openCreate();
  }, [form]);
  const leave = () => {
    form.discard();
    ui.navigate({ name: 'incidents' });
  };
  return (
    <div className="receipt-form">
      <h1 ref={heading} tabIndex={-1}>
        New incident
      </h1>
      <ErrorSummary items={form.errors.map((e) => ({ id: inputId('incident', e.key), message: e.message }))} general={form.generalError} focusKey={form.refusedSaves} idPrefix="incident" />
      <Form
        large
        noValidate
        aria-label="New incident"
        className="receipt-form__form"
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit();
        }}
      >
        <p className="usa-hint">
          Fields marked with <abbr title="required" className="usa-hint usa-hint--required">*</abbr> are required.
        </p>
        <RecordSection />
        <MaterialSection />
        <ExposureSection />
        <ForeignSection />
        <div className="button-row">
          <Button type="submit" disabled={form.isSaving}>
            {form.isSaving ? 'Saving…' : 'Save'}
          </Button>
          <Button type="button" outline onClick={leave}>
            Cancel
          </Button>
        </div>
      </Form>
    </div>
  );
});

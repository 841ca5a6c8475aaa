// A new visit request: every field, facilities and visitors as repeated sub-forms, the limits
// shown up front; checked with the contract's schema before sending, the core's refusals next to
// the fields.
import { Button, Fieldset, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { MAX_VISITORS_PER_REQUEST } from '../../../../electron/common/visits/rules.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { inputId } from '../../format/fieldPaths.js';
import { AuthoritySection, DatesSection, FacilitiesSection, RequestBasics } from './VisitFormSections.js';
import { VisitorSubForm } from './VisitorSubForm.js';

const VisitorsSection = observer(function VisitorsSection() {
  const { form } = useStores().visits;
  const whole = form.errorFor('visitors', 'Visitors');
  return (
    <Fieldset legend="Visitors" legendStyle="large" id={inputId('visit', 'visitors')}>
      <p className="usa-hint">At most {MAX_VISITORS_PER_REQUEST} visitors per request. Passport or ID numbers and dates of birth are shown masked once saved.</p>
      {whole && <span className="usa-error-message">{whole}</span>}
      {form.visitors.map((visitor, i) => (
        <VisitorSubForm
          key={i}
          form="visit"
          prefix={`visitors.${i}`}
          legend={`Visitor ${i + 1}`}
          values={visitor}
          errorFor={(key, label) => form.errorFor(key, label)}
          onChange={(field, value) => form.setVisitor(i, field, value)}
          onRemove={form.visitors.length > 1 ? () => form.removeVisitor(i) : undefined}
        />
      ))}
      <Button type="button" outline className="margin-top-2" onClick={() => form.addVisitor()}>
        Add visitor
      </Button>
    </Fieldset>
  );
});

export const VisitFormScreen = observer(function VisitFormScreen() {
  const { visits, ui } = useStores();
  const { form } = visits;
  const heading = usePage('New visit request');
  useEffect(() => {
    void form.openCreate();
  }, [form]);
  const leave = () => {
    form.discard();
    ui.navigate({ name: 'visits' });
  };
  return (
    <div className="receipt-form">
      <h1 ref={heading} tabIndex={-1}>
        New visit request
      </h1>
      <ErrorSummary items={form.errors.map((e) => ({ id: inputId('visit', e.key), message: e.message }))} general={form.generalError} focusKey={form.refusedSaves} idPrefix="visit" />
      <Form
        large
        noValidate
        aria-label="New visit request"
        className="receipt-form__form"
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit();
        }}
      >
        <p className="usa-hint">
          Fields marked with <abbr title="required" className="usa-hint usa-hint--required">*</abbr> are required.
        </p>
        <RequestBasics />
        <FacilitiesSection />
        <DatesSection />
        <AuthoritySection />
        <VisitorsSection />
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

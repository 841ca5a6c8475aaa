// Create or edit a receipt. Checked with the core's schema before anything is sent; the core's
// own field errors land next to the same fields. Edits need a reason.
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextAreaField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { fieldId } from '../../stores/draftForm.js';
import { ClassificationFields } from './ClassificationFields.js';
import { AccountabilitySection, MaterialSection, PartySection, ReceiptBasics, TransmissionSection } from './ReceiptFormSections.js';

type Props = { mode: 'create'; id?: undefined } | { mode: 'edit'; id: string };

export const ReceiptFormScreen = observer(function ReceiptFormScreen({ mode, id }: Props) {
  const { receipts, ui } = useStores();
  const { form } = receipts;
  const title = mode === 'create' ? 'New receipt' : `Edit receipt ${form.original?.controlNumber ?? ''}`.trim();
  const heading = usePage(title);
  useEffect(() => {
    if (mode === 'create') form.openCreate();
    else void form.openEdit(id);
  }, [form, mode, id]);

  const ready = mode === 'create' ? form.mode === 'create' : form.mode === 'edit' && form.original?.id === id;
  const leave = () => {
    form.discard();
    ui.navigate(mode === 'edit' ? { name: 'receipt', id } : { name: 'receipts' });
  };
  return (
    <div className="receipt-form">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {!ready ? (
        form.generalError ? (
          <Alert type="error" headingLevel="h2" slim>
            {form.generalError}
          </Alert>
        ) : (
          <p>Loading…</p>
        )
      ) : (
        <>
          <ErrorSummary items={form.errors.map((e) => ({ id: fieldId(e.field), message: e.message }))} general={form.generalError} focusKey={form.refusedSaves} />
          {form.conflict && mode === 'edit' && (
            <Button type="button" outline onClick={() => { form.discard(); void form.openEdit(id); }}>
              Discard my changes and load the latest version
            </Button>
          )}
          {form.classificationChanged && (
            <Alert type="warning" headingLevel="h2" heading="Classification change">
              Changing a record&apos;s classification is a security-relevant event: it is recorded in the audit trail with your reason.
            </Alert>
          )}
          <Form
            large
            noValidate
            aria-label={title}
            className="receipt-form__form"
            onSubmit={(event) => {
              event.preventDefault();
              void form.submit();
            }}
          >
            <p className="usa-hint">
              Fields marked with <abbr title="required" className="usa-hint usa-hint--required">*</abbr> are required.
            </p>
            <ReceiptBasics />
            <ClassificationFields />
            <MaterialSection />
            <PartySection party="sender" />
            <PartySection party="addressee" />
            <TransmissionSection />
            <AccountabilitySection />
            {mode === 'edit' && (
              <TextAreaField
                id={fieldId('reason')}
                label="Reason for the change"
                required
                hint="Recorded in the audit trail with the change."
                value={form.reason}
                error={form.errorFor('reason')}
                onChange={(v) => form.setReason(v)}
              />
            )}
            <div className="button-row">
              <Button type="submit" disabled={form.isSaving}>
                {form.isSaving ? 'Saving…' : 'Save'}
              </Button>
              <Button type="button" outline onClick={leave}>
                Cancel
              </Button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
});

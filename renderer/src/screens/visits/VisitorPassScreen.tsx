// What may be handed to a visitor (a pass or welcome sheet), exactly as visits.visitorPass
// returns it: never the disclosure scope, never the identifiers.
import { Alert, Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { FieldSection } from '../../components/FieldSection.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { listOrDash } from '../../format/labels.js';

export const VisitorPassScreen = observer(function VisitorPassScreen({ visitId, visitorId }: { visitId: string; visitorId: string }) {
  const { visits, ui } = useStores();
  const pass = visits.pass?.visitorId === visitorId ? visits.pass : null;
  const heading = usePage(pass ? `Visitor pass: ${pass.fullName}` : 'Visitor pass');
  useEffect(() => {
    void visits.loadPass(visitorId);
  }, [visits, visitorId]);
  return (
    <article className="visitor-pass" aria-labelledby="pass-heading">
      {pass && (
        <div className="classification-banner classification-banner--record visitor-pass__marking" data-testid="visitor-pass-marking">
          {pass.marking}
        </div>
      )}
      <h1 id="pass-heading" ref={heading} tabIndex={-1}>
        {pass ? `Visitor pass: ${pass.fullName}` : 'Visitor pass'}
      </h1>
      <div className="button-row">
        <Button type="button" outline onClick={() => ui.navigate({ name: 'visit', id: visitId })}>
          Back to visit request
        </Button>
      </div>
      {visits.passError && (
        <Alert type="error" headingLevel="h2" slim>
          {visits.passError}
        </Alert>
      )}
      {!pass && !visits.passError && <p>Loading…</p>}
      {pass && (
        <FieldSection
          id="pass"
          title="For the visitor"
          items={[
            ['Name', pass.fullName],
            ['Employer', pass.employer],
            ['Nationality', pass.nationality],
            ['Visit request', pass.requestNumber],
            ['Facilities', listOrDash(pass.facilities)],
            ['Dates', `${pass.startDate} to ${pass.endDate}`],
            ['Host', pass.host],
            ['Escort', pass.escort],
            ['Badge number', pass.badgeNumber ?? 'Not issued yet'],
            ['Issued on', pass.issuedOn],
          ]}
        />
      )}
    </article>
  );
});

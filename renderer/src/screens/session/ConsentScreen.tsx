// The DoD Notice and Consent Banner, accepted by a click before the sign-in form is offered.
import { Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import {
  CONSENT_ACCEPT_LABEL,
  CONSENT_BANNER_CONDITIONS,
  CONSENT_BANNER_INTRO,
  CONSENT_BANNER_LEAD,
  CONSENT_BANNER_TITLE,
} from '../../../../electron/common/consentBanner.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';

export const ConsentScreen = observer(function ConsentScreen() {
  const { session } = useStores();
  const heading = usePage('Notice and consent');
  return (
    <div className="consent usa-prose">
      <h1 ref={heading} tabIndex={-1}>
        {CONSENT_BANNER_TITLE}
      </h1>
      <div className="consent__text">
        <p>{CONSENT_BANNER_INTRO}</p>
        <p>{CONSENT_BANNER_LEAD}</p>
        <ul>
          {CONSENT_BANNER_CONDITIONS.map((condition) => (
            <li key={condition.slice(0, 40)}>{condition}</li>
          ))}
        </ul>
      </div>
      <Button type="button" onClick={() => session.acceptConsent()}>
        {CONSENT_ACCEPT_LABEL}
      </Button>
    </div>
  );
});

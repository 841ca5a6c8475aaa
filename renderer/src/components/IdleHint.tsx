// A discreet warning shortly before the idle lock, with a way to stay signed in. The text changes
// at most once a minute, so the polite live region does not chatter.
import { Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useStores } from './StoresContext.js';

export const IdleHint = observer(function IdleHint() {
  const { idle, session } = useStores();
  const minutes = session.isActive ? idle.warningMinutes : null;
  return (
    <span className="idle-hint" role="status">
      {minutes !== null && (
        <>
          <span>Locks in {minutes} min without activity</span>
          <Button type="button" unstyled className="idle-hint__stay" onClick={() => void idle.keepAlive()}>
            Stay signed in
          </Button>
        </>
      )}
    </span>
  );
});

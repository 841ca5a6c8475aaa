// Notifications after saves and sign-outs. Announced politely; success notes leave on their own.
import { Alert, Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import type { Toast } from '../stores/UiStore.js';
import { useStores } from './StoresContext.js';

const SUCCESS_MS = 8000;

const ToastItem = observer(function ToastItem({ toast }: { toast: Toast }) {
  const { ui } = useStores();
  useEffect(() => {
    if (toast.type !== 'success') return;
    const timer = setTimeout(() => ui.dismiss(toast.id), SUCCESS_MS);
    return () => clearTimeout(timer);
  }, [toast, ui]);
  return (
    <Alert type={toast.type} headingLevel="h2" slim className="toast">
      <span className="toast__message">{toast.message}</span>
      <Button type="button" unstyled className="toast__dismiss" onClick={() => ui.dismiss(toast.id)}>
        Dismiss<span className="usa-sr-only"> notification</span>
      </Button>
    </Alert>
  );
});

export const Toasts = observer(function Toasts() {
  const { ui } = useStores();
  return (
    <div className="toasts" aria-live="polite">
      {ui.toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
});

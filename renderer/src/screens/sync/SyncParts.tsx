// Pieces the sync panels share: a panel (a named region with its h2), a form's problems, the
// folder input (native dialog or typed path), progress while a call runs, a rejection in words.
import { Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import type { ReactNode } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/FormFields.js';
import type { ProgressWatch } from '../../stores/SyncProgress.js';
import type { Rejection } from '../../stores/SyncReasons.js';

/** A region named by its heading. */
export function Panel({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="sync-panel" aria-labelledby={`${id}-heading`}>
      <div className="sync-panel__head">
        <h2 id={`${id}-heading`}>{title}</h2>
        {actions && <div className="sync-panel__actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/** The form's refusal: one link per marked field, or the core's sentence. */
/** What FormProblems reads of a SyncForm (any field names). */
interface FormMessages {
  readonly summary: readonly { field: string; message: string }[];
  readonly error: string | null;
  readonly refusals: number;
}

export const FormProblems = observer(function FormProblems({ form, idPrefix }: { form: FormMessages; idPrefix: string }) {
  return (
    <ErrorSummary
      items={form.summary.map(({ field, message }) => ({ id: `${idPrefix}-${field}`, message }))}
      general={form.error}
      focusKey={form.refusals}
      headingLevel="h3"
      idPrefix={idPrefix}
    />
  );
});

/** Term and value pairs. */
export function Facts({ items, className }: { items: readonly (readonly [string, ReactNode])[]; className?: string }) {
  return (
    <dl className={`sync-facts${className ? ` ${className}` : ''}`}>
      {items.map(([term, value]) => (
        <div key={term} className="sync-facts__item">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Where a bundle goes: in the desktop app a native folder dialog (the only folders the core will
 * write to); elsewhere the absolute path typed.
 */
export const FolderField = observer(function FolderField({
  id,
  label,
  value,
  native,
  error,
  disabled,
  onChange,
  onChoose,
}: {
  id: string;
  label: string;
  value: string;
  native: boolean;
  error: string | undefined;
  disabled?: boolean;
  onChange: (value: string) => void;
  onChoose: () => void;
}) {
  if (!native) {
    return (
      <TextField
        id={id}
        label={label}
        hint="The absolute path of a folder on the removable medium, e.g. /media/usb/outgoing."
        required
        value={value}
        error={error}
        disabled={disabled}
        onChange={onChange}
      />
    );
  }
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <span className="usa-label" id={`${id}-label`}>
        {label}
      </span>
      {error && (
        <span className="usa-error-message" id={`${id}-error`}>
          {error}
        </span>
      )}
      <p className="sync-chosen" id={`${id}-chosen`}>
        {value === '' ? 'No folder chosen' : value}
      </p>
      <Button type="button" id={id} outline disabled={disabled} aria-describedby={[`${id}-chosen`, error ? `${id}-error` : null].filter(Boolean).join(' ')} onClick={onChoose}>
        Choose {label.toLowerCase()}
      </Button>
    </div>
  );
});

/** While the call runs: what the core reports, as text and as a progress bar. */
export const ProgressLine = observer(function ProgressLine({ watch, label, idle }: { watch: ProgressWatch; label: string; idle?: string | null }) {
  const p = watch.progress;
  const text = watch.running ? (watch.text ?? 'Starting…') : (idle ?? '');
  return (
    <div className="sync-progress">
      <p role="status" className="sync-progress__text">
        {text}
      </p>
      {watch.running && (
        <progress aria-label={label} max={p?.total ?? undefined} value={p?.total ? Math.min(p.done, p.total) : undefined}>
          {text}
        </progress>
      )}
    </div>
  );
});

/** The reason in words, its code, and the core's message. */
export function RejectionText({ rejection, lead }: { rejection: Rejection; lead?: string }) {
  return (
    <span className="sync-rejection">
      {lead && <>{lead}: </>}
      <strong>{rejection.text}</strong> (<code>{rejection.reason}</code>). {rejection.message}
    </span>
  );
}

/** A USWDS alert box whose body may hold lists and tables (the library's Alert wraps children in a <p>). */
export function Notice({ type, heading, children, id }: { type: 'success' | 'info' | 'warning' | 'error'; heading: string; children: ReactNode; id?: string }) {
  return (
    <div className={`usa-alert usa-alert--${type} sync-notice`} id={id}>
      <div className="usa-alert__body">
        <h3 className="usa-alert__heading">{heading}</h3>
        <div className="usa-alert__text">{children}</div>
      </div>
    </div>
  );
}

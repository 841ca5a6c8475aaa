// A group of role check boxes (a fieldset named "Roles"), with its error beside the group.
import { Checkbox, Fieldset, FormGroup } from '@trussworks/react-uswds';
import type { Role } from '../../../../electron/common/roles.js';
import { ROLE_LABELS, ROLES } from '../../../../electron/common/roles.js';

export function roleCheckboxId(idPrefix: string, role: Role): string {
  return `${idPrefix}-${role}`;
}

export function RoleCheckboxes({
  idPrefix,
  selected,
  error,
  onChange,
}: {
  idPrefix: string;
  selected: readonly Role[];
  error: string | undefined;
  onChange: (role: Role, on: boolean) => void;
}) {
  const errorId = `${idPrefix}-error`;
  return (
    <FormGroup error={error !== undefined}>
      <Fieldset legend="Roles" requiredMarker>
        {error && (
          <span className="usa-error-message" id={errorId}>
            {error}
          </span>
        )}
        {ROLES.map((role) => (
          <Checkbox
            key={role}
            id={roleCheckboxId(idPrefix, role)}
            name={idPrefix}
            label={ROLE_LABELS[role]}
            checked={selected.includes(role)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => onChange(role, e.target.checked)}
          />
        ))}
      </Fieldset>
    </FormGroup>
  );
}

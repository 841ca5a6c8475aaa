// Messages a user can act on, next to a form field: "is required" rather than zod's
// "Invalid input: expected string, received undefined".
import { z } from 'zod';

z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null)) return 'is required';
    if (issue.code === 'invalid_type') return `must be ${article(issue.expected)}`;
    if (issue.code === 'invalid_value' && 'values' in issue) return `must be one of: ${issue.values.map(String).join(', ')}`;
    if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    return undefined;
  },
});

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

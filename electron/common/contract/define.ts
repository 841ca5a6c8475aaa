// How a contract method is described: its input and output schemas and who may call it.
import type { z } from 'zod';
import type { Role } from '../roles.js';

/**
 * Who may call a method:
 * - a list of roles: a signed-in user holding at least one of them;
 * - 'signed-in': any signed-in user;
 * - 'anyone': no session needed (what the sign-in screen itself must show).
 */
export type Access = readonly Role[] | 'signed-in' | 'anyone';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** One line for `--help` and the docs. */
  summary: string;
  /** Callable on an installation that is not set up yet (first-run setup); all others are refused. */
  beforeSetup?: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

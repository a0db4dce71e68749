import type { z } from 'zod';
import type { Role } from '../roles';

/**
 * Who may call a method:
 * - `public`: anyone, no session (sign-in, first-start set-up, the installation's identity)
 * - `signedIn`: any signed-in staff member
 * - a list of roles
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  access: Access;
  /** `write` methods run one at a time through the write queue, inside one transaction. */
  kind: 'read' | 'write';
  summary: string;
  /** Phantom: carries the output type, never read at run time. */
  readonly _output?: O;
}

/** Declare one method; the output type is given as a type argument: `method<Out>()({ ... })`. */
export function method<O>() {
  return <I extends z.ZodType>(d: Omit<MethodDef<I, O>, '_output'>): MethodDef<I, O> => d;
}

export type AnyMethods = Record<string, MethodDef>;
export type InputOf<M> = M extends MethodDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends MethodDef<infer I, unknown> ? z.output<I> : never;
export type OutputOf<M> = M extends MethodDef<z.ZodType, infer O> ? O : never;

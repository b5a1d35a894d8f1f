// The three kinds of failure (STYLE: Failed vs Error) and nothing else.
// Only src/cli/main.ts turns them into exit codes and messages.
//
//  - UserError: the user's input or a safety rule said no (invalid config,
//    guard refused, stale plan). Exit 1 with the message, no stack.
//  - FaultError: the environment failed (database unreachable, lock timeout,
//    git unreachable). Exit 1 with a one-line cause; the daemon retries these.
//  - anything else is a bug: logged with its stack, exit 1.
//
// Messages must never contain secrets: build them from redacted values.

import type { Problem } from './problem.js';

export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(message: string, readonly problems: readonly Problem[] = []) {
    super(message);
  }
}

export class FaultError extends Error {
  override readonly name = 'FaultError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The database changed between the plan and its apply (another applier
 * committed first). Refused like any UserError; a caller that made the plan
 * itself from git (the daemon) plans again instead of giving up on the commit.
 */
export class StalePlanError extends UserError {}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

export function isFaultError(e: unknown): e is FaultError {
  return e instanceof FaultError;
}

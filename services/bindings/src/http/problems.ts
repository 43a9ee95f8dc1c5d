import { ProblemError } from '@safewatch/common';
import { RuleViolation } from '../domain/errors.js';

/** Runs a use case, turning a rule's refusal into its problem+json answer. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof RuleViolation)
      throw new ProblemError(err.code, { detail: err.message, extra: err.extra });
    throw err;
  }
}

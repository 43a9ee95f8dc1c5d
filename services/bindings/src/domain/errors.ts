/** A refusal by a rule of SPEC §2; the HTTP layer maps the code to a problem+json status. */
export type RuleCode =
  | 'VEHICLE_NOT_VERIFIED'
  | 'NO_QUALIFICATION'
  | 'BINDING_LIMIT_CURRENT'
  | 'BINDING_LIMIT_12_MONTHS'
  | 'ALREADY_BOUND'
  | 'NOT_BOUND'
  | 'NOT_FOUND'
  | 'DELEGATION_ENDED';

export class RuleViolation extends Error {
  override name = 'RuleViolation';
  constructor(
    readonly code: RuleCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

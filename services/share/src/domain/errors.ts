/** A refusal by a sharing rule (SPEC S1-S9, S12); the HTTP layer maps the code to problem+json. */
export type ShareCode =
  | 'NOT_BOUND'
  | 'SHARE_LIMIT_VEHICLE'
  | 'SHARE_OTHER_VEHICLE_ACTIVE'
  | 'SHARE_CLAIMED'
  | 'SHARE_OWN_LINK'
  | 'SHARE_ENDED'
  | 'NOT_FOUND'
  | 'NOTIFY_CHANNEL_UNAVAILABLE'
  | 'INVALID_PUSH_SUBSCRIPTION'
  | 'UNKNOWN_TEMPLATE';

export class ShareRefusal extends Error {
  override name = 'ShareRefusal';
  constructor(
    readonly code: ShareCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

import type { Staff } from '#shared/schemas/staff.ts';

/**
 * The identity provider: who may sign in, kept in step with the staff records. One port,
 * two implementations: Cognito in AWS (shared/identity/cognito.ts) and the local signing
 * key in local mode and tests (shared/identity/local.ts). The API itself never trusts
 * the provider for access: every request reads the caller's record (shared/http/authenticate.ts).
 */
export interface IdentityProvider {
  readonly kind: 'local' | 'cognito';
  /** Whether a staff member needs an e-mail address (the invitation goes there). */
  readonly requiresEmail: boolean;
  /** Whether staff changes must be carried to the provider (false: nothing to keep in step). */
  readonly keepsUsers: boolean;
  /**
   * Makes the provider match the record: an active member has a user (username = staff id)
   * with the record's e-mail; a departed member's user is disabled and signed out
   * everywhere. Idempotent, so a failed call is simply made again. Throws when the
   * provider fails.
   */
  sync(staff: Staff): Promise<void>;
}

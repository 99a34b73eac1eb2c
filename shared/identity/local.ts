import type { IdentityProvider } from '#shared/identity/port.ts';

/**
 * Local mode and tests: sign-in is the local signing key (scripts/local/keys.ts, `npm run
 * token -- <staffId>`, test/support/api.ts), which signs a token for any staff id; the
 * record decides what the token may do, so there is no user to create, change or disable.
 */
export const localIdentityProvider: IdentityProvider = {
  kind: 'local',
  requiresEmail: false,
  keepsUsers: false,
  sync: async () => {},
};

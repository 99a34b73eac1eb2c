import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type CryptoKey, type JWK, SignJWT, exportJWK, generateKeyPair, importJWK } from 'jose';

/** The local gateway's stand-in for the Cognito user pool: its issuer, audience and RS256 key. */
export const localIssuer = 'https://kam.local/issuer';
export const localAudience = 'kam-api-local';
const kid = 'local-1';

export interface SigningKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export const generateKeys = async (): Promise<SigningKeys> => generateKeyPair('RS256', { extractable: true });

/** Keys kept under .local/ so tokens stay valid across restarts of `npm start`. */
export const loadOrCreateKeys = async (file: string): Promise<SigningKeys> => {
  if (existsSync(file)) {
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
    const { d, p, q, dp, dq, qi, ...publicJwk } = jwk;
    return {
      privateKey: (await importJWK(jwk, 'RS256')) as CryptoKey,
      publicKey: (await importJWK(publicJwk, 'RS256')) as CryptoKey,
    };
  }
  const keys = await generateKeys();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(await exportJWK(keys.privateKey)), { mode: 0o600 });
  return keys;
};

export const signToken = async (
  privateKey: CryptoKey,
  staffId: string,
  options: { expiresIn?: string; issuer?: string; audience?: string } = {},
): Promise<string> =>
  new SignJWT({ token_use: 'access', scope: 'kam/api' })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setSubject(staffId)
    .setIssuer(options.issuer ?? localIssuer)
    .setAudience(options.audience ?? localAudience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(privateKey);

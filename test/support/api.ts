import { expect } from 'vitest';
import type { CryptoKey } from 'jose';
import { createGateway } from '#local/gateway.ts';
import { generateKeys, localAudience, localIssuer, signToken } from '#local/keys.ts';
import { localCorsOrigins } from '#shared/http/cors.ts';
import { catalogue } from '#shared/routes/index.ts';

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON of any route; tests assert it field by field. */
  body: any;
}

/** The local gateway on a free port, with a signing key of the test's own. */
export const startApi = async (options: { corsOrigins?: readonly string[] } = {}) => {
  const keys = await generateKeys();
  // CORS as `npm start` has it unless a test gives its own setting.
  const corsOrigins = options.corsOrigins ?? localCorsOrigins;
  const gateway = createGateway({ routes: catalogue, publicKey: keys.publicKey, issuer: localIssuer, audience: localAudience, corsOrigins });
  const port = await gateway.listen(0);
  const base = `http://127.0.0.1:${port}`;
  const tokens = new Map<string, string>();
  const token = async (staffId: string, key: CryptoKey = keys.privateKey) => {
    if (key !== keys.privateKey) return signToken(key, staffId);
    const cached = tokens.get(staffId) ?? (await signToken(keys.privateKey, staffId));
    tokens.set(staffId, cached);
    return cached;
  };
  const call = async (method: string, path: string, as: string | null, options: CallOptions = {}): Promise<Reply> => {
    const auth = options.token !== undefined ? options.token : as === null ? null : await token(as);
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(auth === null ? {} : { authorization: `Bearer ${auth}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
  };
  return { base, keys, token, call, close: gateway.close };
};
export type Api = Awaited<ReturnType<typeof startApi>>;

/** A reply's body as loose JSON, after expecting its status (201 unless said). */
export type Body = Record<string, any>;
export const ok = (reply: { status: number; body: unknown }, status = 201): Body => {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  return reply.body as Body;
};

/** Yuan as integer fen. */
export const yuan = (amount: number) => Math.round(amount * 100);

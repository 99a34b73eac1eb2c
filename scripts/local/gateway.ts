import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { type CryptoKey, type JWTPayload, jwtVerify } from 'jose';
import { lambdaContext } from '#local/lambda-context.ts';
import { corsAllowHeaders, corsExposeHeaders, corsMaxAgeSeconds, corsMethods, originAllowed } from '#shared/http/cors.ts';
import type { RouteDefinition } from '#shared/http/route.ts';

type Handler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export interface GatewayOptions {
  routes: readonly RouteDefinition[];
  publicKey: CryptoKey;
  issuer: string;
  audience: string;
  /** Root of the repo; handlers load from `functions/<route.handler>.ts`. */
  root?: string;
  /**
   * The allowed CORS origins, as the HTTP API's `corsPreflight` takes them (`*` matches any
   * run of characters). Absent or empty: no CORS, as a stack deployed without `corsOrigins`.
   */
  corsOrigins?: readonly string[];
}

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  names: string[];
}

const compile = (route: RouteDefinition): CompiledRoute => {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
};

/** As API Gateway's JWT authorizer answers a missing or bad token. */
const unauthorized = { statusCode: 401, headers: { 'www-authenticate': 'Bearer' }, body: JSON.stringify({ message: 'Unauthorized' }) };
const notFound = { statusCode: 404, headers: {}, body: JSON.stringify({ message: 'Not Found' }) };

/** HTTP API passes JWT claims as strings (arrays as "[a b]"); do the same. */
const claimsOf = (payload: JWTPayload): Record<string, string> =>
  Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [name, Array.isArray(value) ? `[${value.join(' ')}]` : String(value)]),
  );

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });

const headerOf = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

/**
 * CORS as HTTP API applies it when `corsPreflight` is set: it answers every preflight
 * (OPTIONS with Origin and Access-Control-Request-Method) itself with 204, with the allow
 * headers only when the origin is allowed; on other responses it drops the function's own
 * CORS headers and adds its own when the origin is allowed.
 */
const corsOf = (routes: readonly RouteDefinition[], origins: readonly string[]) => {
  if (origins.length === 0) return undefined;
  const methods = corsMethods(routes).join(',');
  const allowed = (req: IncomingMessage): string | undefined => {
    const origin = headerOf(req, 'origin');
    return origin !== undefined && originAllowed(origins, origin) ? origin : undefined;
  };
  return {
    preflight: (req: IncomingMessage): Record<string, string> | undefined => {
      if (req.method !== 'OPTIONS' || headerOf(req, 'origin') === undefined || headerOf(req, 'access-control-request-method') === undefined) return undefined;
      const origin = allowed(req);
      if (origin === undefined) return {};
      return {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': methods,
        'access-control-allow-headers': corsAllowHeaders.join(','),
        'access-control-max-age': String(corsMaxAgeSeconds),
      };
    },
    onResponse: (req: IncomingMessage, headers: Record<string, string>): Record<string, string> => {
      const own = Object.fromEntries(Object.entries(headers).filter(([name]) => !name.toLowerCase().startsWith('access-control-')));
      const origin = allowed(req);
      return origin === undefined
        ? own
        : { ...own, 'access-control-allow-origin': origin, 'access-control-expose-headers': corsExposeHeaders.join(',') };
    },
  };
};

/**
 * A local stand-in for API Gateway HTTP API: matches the catalogue's routes, verifies the
 * bearer JWT as the JWT authorizer does (RS256 signature, issuer, audience, expiry), builds
 * a payload 2.0 event and calls the route's handler in this process.
 */
export const createGateway = (options: GatewayOptions) => {
  const root = options.root ?? process.cwd();
  const compiled = options.routes.map(compile);
  const handlers = new Map<string, Promise<Handler>>();
  const load = (route: RouteDefinition): Promise<Handler> => {
    let handler = handlers.get(route.id);
    if (handler === undefined) {
      const url = pathToFileURL(resolve(root, 'functions', `${route.handler}.ts`)).href;
      handler = import(url).then((module: { handler: Handler }) => module.handler);
      handlers.set(route.id, handler);
    }
    return handler;
  };

  const verify = async (authorization: string | undefined): Promise<JWTPayload | undefined> => {
    const match = /^Bearer (.+)$/i.exec(authorization ?? '');
    if (match?.[1] === undefined) return undefined;
    try {
      const { payload } = await jwtVerify(match[1], options.publicKey, {
        algorithms: ['RS256'],
        issuer: options.issuer,
        audience: options.audience,
        requiredClaims: ['exp', 'sub'],
      });
      return payload;
    } catch {
      return undefined;
    }
  };

  const handle = async (req: IncomingMessage): Promise<APIGatewayProxyStructuredResultV2> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const found = compiled
      .filter((c) => c.route.method === method)
      .map((c) => ({ c, match: c.pattern.exec(url.pathname) }))
      .find((candidate) => candidate.match !== null);
    if (found?.match == null) return notFound;
    const { route, names } = found.c;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
    }
    let claims: Record<string, string> | undefined;
    if (route.auth !== 'public') {
      const payload = await verify(headers.authorization);
      if (payload === undefined) return unauthorized;
      claims = claimsOf(payload);
    }
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
    const decode = (raw: string) => {
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw; // as API Gateway passes a malformed escape on: the route's validation answers it
      }
    };
    const pathParameters = Object.fromEntries(names.map((name, i) => [name, decode(found.match?.[i + 1] ?? '')]));
    const body = await readBody(req);
    const requestId = randomUUID();
    const now = new Date();
    const event = {
      version: '2.0',
      routeKey: `${route.method} ${route.path}`,
      rawPath: url.pathname,
      rawQueryString: url.search.replace(/^\?/, ''),
      headers,
      ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
      ...(names.length > 0 ? { pathParameters } : {}),
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: headers.host ?? '127.0.0.1',
        domainPrefix: 'local',
        http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
        requestId,
        routeKey: `${route.method} ${route.path}`,
        stage: '$default',
        time: now.toISOString(),
        timeEpoch: now.getTime(),
        ...(claims === undefined ? {} : { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: null } } }),
      },
      ...(body === '' ? {} : { body }),
      isBase64Encoded: false,
    } as APIGatewayProxyEventV2WithJWTAuthorizer;
    const handler = await load(route);
    return handler(event, lambdaContext(`kam-local-${route.id}`, requestId, route.timeoutSeconds));
  };

  const cors = corsOf(options.routes, options.corsOrigins ?? []);

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const preflight = cors?.preflight(req);
    if (preflight !== undefined) {
      res.writeHead(204, preflight);
      res.end();
      return;
    }
    handle(req)
      .then((result) => {
        const headers = (result.headers ?? {}) as Record<string, string>;
        res.writeHead(result.statusCode ?? 200, cors === undefined ? headers : cors.onResponse(req, headers));
        res.end(result.body ?? '');
      })
      .catch((error: unknown) => {
        // Like API Gateway when the integration itself fails.
        console.error('Local gateway: handler crashed', error);
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Internal Server Error' }));
      });
  });

  return {
    server,
    /** Imports every handler now, so the first requests do not pay for it. */
    warm: () => Promise.all(options.routes.map(load)),
    listen: (port: number, host = '127.0.0.1') =>
      new Promise<number>((done, fail) => {
        server.once('error', fail);
        server.listen(port, host, () => {
          const address = server.address();
          done(typeof address === 'object' && address !== null ? address.port : port);
        });
      }),
    close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
  };
};

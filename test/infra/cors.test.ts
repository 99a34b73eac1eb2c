import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp } from '#infra/app.ts';
import { parseCorsOrigins } from '#shared/http/cors.ts';
import { catalogue } from '#shared/routes/index.ts';

/** As stacks.test.ts: real constructs, esbuild skipped (the templates do not depend on the bundles). */
const withoutBundling = { 'aws:cdk:bundling-stacks': [] };
const apiOf = (context: Record<string, unknown>) => Template.fromStack(buildApp({ ...withoutBundling, ...context }).stateless);

describe('CORS of the HTTP API (context corsOrigins)', () => {
  it('allows exactly the configured origins, with the headers front ends need', { timeout: 120_000 }, () => {
    apiOf({ corsOrigins: 'https://a.example, https://b.example:8443' }).hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: ['https://a.example', 'https://b.example:8443'],
        // Every method the catalogue uses, and no other.
        AllowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((method) => catalogue.some((route) => route.method === method)),
        AllowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key', 'accept-language'],
        ExposeHeaders: ['etag', 'location'],
        MaxAge: 3600,
        AllowCredentials: Match.absent(),
      },
    });
  });

  it('allows no origin unless set: there is no "*" default', { timeout: 120_000 }, () => {
    apiOf({}).hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
  });

  it('stops synth on a setting that is not a list of exact origins', () => {
    expect(() => buildApp({ ...withoutBundling, corsOrigins: '*' })).toThrow(/corsOrigins: "\*" is not an exact origin/);
    for (const bad of ['https://a.example/', 'http://a.example', 'https://*.example', 'https://a.example/app', 'HTTPS://A.EXAMPLE', 'a.example']) {
      expect(() => parseCorsOrigins(bad), bad).toThrow(/is not an exact origin/);
    }
    expect(() => parseCorsOrigins(42)).toThrow(/comma-separated string or a list/);
    expect(parseCorsOrigins(['https://a.example', 'http://localhost:5173', 'https://a.example'])).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(parseCorsOrigins(undefined)).toEqual([]);
    expect(parseCorsOrigins('')).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, AssetStaging, Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { RouteFunction } from '#infra/route-function.ts';
import { routeFunctionProps } from '#infra/stateless-stack.ts';
import { getAccount, patchAccount } from '#shared/routes/accounts.ts';
import type { RouteDefinition } from '#shared/http/route.ts';

/**
 * What a route's bundle carries of the schema modules it imports (shared/built.ts): the
 * schemas its code reads and their messages, not the rest of the module. Two account
 * routes, built as the stateless stack builds them: the PATCH body's own message
 * (`field.nothingToChange`) and the create body's (`field.creditCode`) are in the PATCH
 * bundle only.
 */
const code = new Map<string, string>();
beforeAll(() => {
  const stack = new Stack(new App(), 'RouteBundles');
  for (const route of [getAccount, patchAccount] as RouteDefinition[]) {
    const fn = new RouteFunction(stack, route.id, routeFunctionProps(route));
    const staging = fn.node.findAll().find((child): child is AssetStaging => child instanceof AssetStaging);
    if (staging === undefined) throw new Error(`no bundle for ${route.id}`);
    code.set(route.id, readFileSync(join(staging.absoluteStagedPath, 'index.mjs'), 'utf8'));
  }
}, 300_000);
const bundle = (id: string): string => code.get(id) ?? '';

describe('a route bundle', () => {
  it('carries the messages of the schemas its code reads', () => {
    expect(bundle(patchAccount.id).includes('"field.nothingToChange"'), patchAccount.id).toBe(true);
    expect(bundle(patchAccount.id).includes('"field.creditCode"'), patchAccount.id).toBe(true);
    expect(bundle(getAccount.id).includes('"account.notFound"'), getAccount.id).toBe(true);
  });

  it('leaves out the schemas of the same modules that it never reads', () => {
    expect(bundle(getAccount.id).includes('"field.nothingToChange"'), getAccount.id).toBe(false);
    expect(bundle(getAccount.id).includes('"field.creditCode"'), getAccount.id).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { StatefulStack } from '#infra/stateful-stack.ts';
import { StatelessStack } from '#infra/stateless-stack.ts';
import { parseCorsOrigins } from '#shared/http/cors.ts';

/** The feature flags in cdk.json, so that an app built outside the CLI (tests) behaves the same. */
const cdkJsonContext = (): Record<string, unknown> => {
  const cdkJson: { context?: Record<string, unknown> } = JSON.parse(
    readFileSync(new URL('../cdk.json', import.meta.url), 'utf8'),
  );
  return cdkJson.context ?? {};
};

/**
 * Builds the app without synthesizing it. Stacks are environment-agnostic: synth needs no
 * credentials and makes no lookups. `context` is added to the cdk.json context; the CLI's
 * own context (`-c`) still wins. `corsOrigins` (e.g. `-c corsOrigins=https://a.example,https://b.example`)
 * lists the browser origins allowed to call the API; unset, none is.
 */
export const buildApp = (context: Record<string, unknown> = {}) => {
  const app = new App({ context: { ...cdkJsonContext(), ...context } });
  const stateful = new StatefulStack(app, 'KamStateful', { description: 'Key account management: data' });
  const stateless = new StatelessStack(app, 'KamStateless', {
    description: 'Key account management: API and functions',
    table: stateful.table,
    cursorKey: stateful.cursorKey,
    // Validated here so that a bad setting stops synth with the reason.
    corsOrigins: parseCorsOrigins(app.node.tryGetContext('corsOrigins')),
  });
  // A policy-validation plugin, not an Aspect: findings are errors that stop synth. Acknowledged
  // findings leave the report, so their reasons are written into the templates as the audit trail.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
  return { app, stateful, stateless };
};

// Synthesize only when run as the CDK app (`npx tsx infra/app.ts`), not when a test imports buildApp.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  buildApp().app.synth();
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { StatefulStack } from '#infra/stateful-stack.ts';
import { StatelessStack } from '#infra/stateless-stack.ts';
import { stageSettings, stages } from '#infra/stages.ts';
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
 * own context (`-c`) still wins. `-c stage=<name>` picks a stage of infra/stages.ts
 * (default `dev`), validated here so that a bad setting stops synth with the reason; its
 * name is in every stack and physical name. `corsOrigins` (e.g.
 * `-c corsOrigins=https://a.example,https://b.example`), when given, replaces the stage's
 * browser origins.
 */
export const buildApp = (context: Record<string, unknown> = {}, stageTable: Readonly<Record<string, unknown>> = stages) => {
  const app = new App({ context: { ...cdkJsonContext(), ...context } });
  const stage = stageSettings(app.node.tryGetContext('stage'), stageTable);
  const corsContext: unknown = app.node.tryGetContext('corsOrigins');
  const corsOrigins = corsContext === undefined ? stage.corsOrigins : parseCorsOrigins(corsContext);
  const stackName = (part: string) => `Kam-${stage.name}-${part}`;
  const stateful = new StatefulStack(app, stackName('Stateful'), { description: `Key account management (${stage.name}): data`, stage });
  const stateless = new StatelessStack(app, stackName('Stateless'), {
    description: `Key account management (${stage.name}): API and functions`,
    table: stateful.table,
    cursorKey: stateful.cursorKey,
    stage: { ...stage, corsOrigins },
  });
  Tags.of(app).add('kam:stage', stage.name);
  // A policy-validation plugin, not an Aspect: findings are errors that stop synth. Acknowledged
  // findings leave the report, so their reasons are written into the templates as the audit trail.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
  return { app, stage, stateful, stateless };
};

// Synthesize only when run as the CDK app (`npx tsx infra/app.ts`), not when a test imports buildApp.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  buildApp().app.synth();
}

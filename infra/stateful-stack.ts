import { RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type ITable, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { Stage } from '#infra/stages.ts';
import { tableDefinition } from '#shared/table.ts';

const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

export interface StatefulStackProps extends StackProps {
  readonly stage: Stage;
}

/** `retain` stages keep their data when the stack goes, and protect it from deletion. */
export const removalPolicyOf = (stage: Stage): RemovalPolicy => (stage.removal === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);

/**
 * What outlives a deployment: the single table and the cursor key. Kept apart so the API
 * can be torn down and rebuilt freely. A stage whose settings name a `tableName` (a table
 * restored to a point in time) uses that table instead of creating one.
 */
export class StatefulStack extends Stack {
  readonly table: ITable;
  /** Signs list cursors (shared/db/pagination.ts): kept here so cursors stay valid across API rebuilds. */
  readonly cursorKey: Secret;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const retain = stage.removal === 'retain';

    this.cursorKey = new Secret(this, 'CursorKey', {
      secretName: `${stage.prefix}-cursor-key`,
      description: 'HMAC key that signs the API’s list cursors',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: removalPolicyOf(stage),
    });
    Validations.of(this.cursorKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'No automatic rotation: the functions receive the key at deployment (a dynamic reference in their environment), ' +
        'so a rotated value would only reach them on the next deploy. Rotate by hand and redeploy; the only effect is ' +
        'that cursors handed out before become 400 invalid-cursor and the client starts its list again.',
    });

    if (stage.tableName !== null) {
      // Restored tables come with their indexes (a point-in-time restore copies them).
      this.table = Table.fromTableName(this, 'Table', stage.tableName);
      return;
    }
    const table = new Table(this, 'Table', {
      tableName: `${stage.prefix}-data`,
      partitionKey: stringKey(tableDefinition.partitionKey),
      sortKey: stringKey(tableDefinition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: retain,
      removalPolicy: removalPolicyOf(stage),
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
    });

    for (const index of tableDefinition.globalIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }
    this.table = table;
  }
}

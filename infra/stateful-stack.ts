import { RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { tableDefinition } from '#shared/table.ts';

const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

/** What outlives a deployment: the single table and the cursor key. Kept apart so the API can be torn down and rebuilt freely. */
export class StatefulStack extends Stack {
  readonly table: Table;
  /** Signs list cursors (shared/db/pagination.ts): kept here so cursors stay valid across API rebuilds. */
  readonly cursorKey: Secret;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    this.table = new Table(this, 'Table', {
      partitionKey: stringKey(tableDefinition.partitionKey),
      sortKey: stringKey(tableDefinition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
    });

    this.cursorKey = new Secret(this, 'CursorKey', {
      description: 'HMAC key that signs the API’s list cursors',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.cursorKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'No automatic rotation: the functions receive the key at deployment (a dynamic reference in their environment), ' +
        'so a rotated value would only reach them on the next deploy. Rotate by hand and redeploy; the only effect is ' +
        'that cursors handed out before become 400 invalid-cursor and the client starts its list again.',
    });

    for (const index of tableDefinition.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }
  }
}

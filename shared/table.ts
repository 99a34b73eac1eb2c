/**
 * The single table's key schema, defined once. The CDK stateful stack and local mode
 * (DynamoDB Local) both build the table from this.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Overloaded global secondary indexes: the entity modules decide what goes in them. */
  globalIndexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    /** Pay-relevant records by the period of their date and when they were recorded (late records, pay.md). */
    { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
  ],
  /** Epoch seconds after which DynamoDB may delete the item (idempotency records). */
  timeToLiveAttribute: 'expiresAt',
} as const;

export type GlobalIndexName = (typeof tableDefinition.globalIndexes)[number]['name'];

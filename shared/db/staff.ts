import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { type AuditContext, auditPut } from '#shared/db/audit.ts';
import { db, tableName } from '#shared/db/client.ts';
import type { Page } from '#shared/db/pagination.ts';
import { queryPage } from '#shared/db/query.ts';
import { ConditionFailed, type TransactItem, transactWrite } from '#shared/db/transact.ts';
import { NotFound, PreconditionFailed } from '#shared/errors.ts';
import type { Role } from '#shared/schemas/common.ts';
import type { Staff } from '#shared/schemas/staff.ts';

/*
 * Keys (see README, data model):
 *   staff record       pk STAFF#<id>   sk PROFILE
 *                      gsi1 DEPT#<department> / STAFF#<id>   (staff by department)
 *                      gsi2 STAFF / STAFF#<id>               (all staff)
 *   role membership    pk ROLE#<role>  sk STAFF#<id>         (a copy of the record per role)
 *   training result    pk STAFF#<id>   sk TRAINING#<completedOn>#<ulid>
 *   certification      pk STAFF#<id>   sk CERT#<awardedOn>#<ulid>
 */
const staffPk = (id: string) => `STAFF#${id}`;
const PROFILE = 'PROFILE';
const rolePk = (role: Role) => `ROLE#${role}`;

const fromItem = (item: Record<string, unknown>): Staff => {
  const { id, name, department, roles, grade, status, leftOn, training, certification, version } =
    item as unknown as Staff;
  return { id, name, department, roles, grade, status, leftOn, training, certification, version };
};

const profileItem = (staff: Staff) => ({
  pk: staffPk(staff.id),
  sk: PROFILE,
  gsi1pk: `DEPT#${staff.department}`,
  gsi1sk: staffPk(staff.id),
  gsi2pk: 'STAFF',
  gsi2sk: staffPk(staff.id),
  kind: 'staff',
  ...staff,
});

const roleItem = (staff: Staff, role: Role) => ({
  pk: rolePk(role),
  sk: staffPk(staff.id),
  kind: 'staff-role',
  ...staff,
});

/** Role copies follow the record: put one per current role, delete those for roles given up. */
const roleWrites = (after: Staff, before?: Staff): TransactItem[] => [
  ...after.roles.map((role) => ({ Put: { TableName: tableName, Item: roleItem(after, role) } })),
  ...(before?.roles ?? [])
    .filter((role) => !after.roles.includes(role))
    .map((role) => ({ Delete: { TableName: tableName, Key: { pk: rolePk(role), sk: staffPk(after.id) } } })),
];

/** Access pattern: a staff member by id. */
export const getStaffById = async (id: string): Promise<Staff | undefined> => {
  const out = await db.send(new GetCommand({ TableName: tableName, Key: { pk: staffPk(id), sk: PROFILE } }));
  return out.Item === undefined ? undefined : fromItem(out.Item);
};

/** Writes a new staff member; false when the id is taken. */
export const insertStaff = async (staff: Staff, ctx: AuditContext): Promise<boolean> => {
  try {
    await transactWrite([
      { Put: { TableName: tableName, Item: profileItem(staff), ConditionExpression: 'attribute_not_exists(pk)' } },
      ...roleWrites(staff),
      auditPut(ctx, { entity: 'staff', entityId: staff.id, action: 'create', after: staff }),
    ]);
    return true;
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) return false;
    throw error;
  }
};

/** A training or certification result, kept beside the record in the same transaction. */
export const staffRecordPut = (staffId: string, kind: 'training' | 'certification', on: string, data: object): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: { pk: staffPk(staffId), sk: `${kind === 'training' ? 'TRAINING' : 'CERT'}#${on}#${ulid()}`, kind, ...data },
  },
});

/**
 * Replaces a staff record if it is still at `before.version` (optimistic concurrency):
 * 412 when someone changed it first, 404 when it is gone. `extra` items commit with it.
 */
export const replaceStaff = async (
  before: Staff,
  after: Staff,
  action: string,
  ctx: AuditContext,
  extra: TransactItem[] = [],
): Promise<void> => {
  try {
    await transactWrite([
      {
        Put: {
          TableName: tableName,
          Item: profileItem(after),
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': before.version },
        },
      },
      ...roleWrites(after, before),
      ...extra,
      auditPut(ctx, { entity: 'staff', entityId: after.id, action, before, after }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) {
      throw error.existing === undefined ? new NotFound(`No staff member ${before.id}`) : new PreconditionFailed();
    }
    throw error;
  }
};

/** Access pattern: a staff member's training results, oldest first. */
export const listTrainingResults = async (staffId: string): Promise<Record<string, unknown>[]> => {
  const out = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': staffPk(staffId), ':prefix': 'TRAINING#' },
    }),
  );
  return out.Items ?? [];
};

export interface StaffFilter {
  role?: Role;
  department?: string;
  limit: number;
  cursor?: string;
}

/**
 * Access patterns: staff by role (role copies, department as a filter), staff by
 * department (gsi1), all staff (gsi2). Every one a keyed Query.
 */
export const listStaff = async (filter: StaffFilter): Promise<Page<Staff>> => {
  let input: QueryCommandInput;
  if (filter.role !== undefined) {
    input = {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: {
        ':pk': rolePk(filter.role),
        ...(filter.department === undefined ? {} : { ':department': filter.department }),
      },
      ...(filter.department === undefined ? {} : { FilterExpression: 'department = :department' }),
    };
  } else if (filter.department !== undefined) {
    input = {
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `DEPT#${filter.department}` },
    };
  } else {
    input = {
      TableName: tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': 'STAFF' },
    };
  }
  return queryPage(input, filter.limit, filter.cursor, fromItem);
};

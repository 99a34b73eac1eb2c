import type * as z from 'zod/mini';
import type { Role } from '#shared/schemas/common.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type ZodObjectAny = z.core.$ZodObject;

/**
 * One entry of the route catalogue. The CDK stack, the local gateway and the OpenAPI
 * document are all built from these.
 */
export interface RouteDefinition {
  /** The OpenAPI operationId, also the Lambda's logical name. */
  readonly id: string;
  readonly method: Method;
  /** API Gateway route path, e.g. `/v1/staff/{id}`. */
  readonly path: string;
  /** Handler file under `functions/`, without extension. */
  readonly handler: string;
  readonly summary: string;
  readonly tag: string;
  /** `public` routes skip the JWT authorizer; otherwise one of `roles` must be held (empty: every active staff member may call it). */
  readonly auth: 'public' | { readonly roles: readonly Role[] };
  /** The table access the function needs: the CDK grant follows this. */
  readonly tableAccess: 'none' | 'read' | 'write';
  /**
   * The route changes who may sign in (a staff write): in AWS its function gets the user
   * pool (USER_POOL_ID) and the Cognito actions of shared/identity/cognito-actions.ts on
   * that pool only; only these bundles carry the Cognito client.
   */
  readonly signIn?: true;
  readonly params?: ZodObjectAny;
  readonly query?: ZodObjectAny;
  readonly body?: ZodObjectAny;
  /** The body may be left out (no body and no content type is read as `{}`), so calls made before it had one keep working. */
  readonly bodyOptional?: boolean;
  /**
   * `required`: PATCH of an existing resource, If-Match or 428. `when-exists`: a PUT that
   * may create; the use case asks for If-Match only if the resource already exists.
   */
  readonly ifMatch?: 'required' | 'when-exists';
  /** Explanation lines in the language Accept-Language asks for (English or Chinese). */
  readonly languages?: true;
  readonly response: { readonly status: 200 | 201 | 202 | 204; readonly schema: z.core.$ZodType; readonly description: string; readonly contentType?: string };
  /** Problem statuses this route may answer besides 400/401/403/500/503 (and 415 where it has a body). */
  readonly problems?: readonly number[];
  /** For heavy routes: the function's time limit (API Gateway waits 30 s at most) and memory. */
  readonly timeoutSeconds?: number;
  readonly memoryMb?: number;
  /** The route starts this Step Functions workflow in AWS (its ARN in CLOSE_STATE_MACHINE_ARN, states:StartExecution on it alone); locally it runs the same steps in-process. */
  readonly startsWorkflow?: 'period-close';
  /** Repo-relative files copied into this route's Lambda bundle at the same relative path (the docs page's renderer). */
  readonly bundleFiles?: readonly string[];
}

export const defineRoute = <const R extends RouteDefinition>(route: R): R => route;

/** A route that writes nothing: a GET with read-only table access. */
export const writesNothing = (route: RouteDefinition): boolean => route.method === 'GET' && route.tableAccess === 'read';

/**
 * How every route is bundled: the one source for the CDK construct (RouteFunction) and
 * for the bundle benchmark, so the benchmark measures exactly what deploys.
 */
export const bundling = {
  format: 'esm',
  target: 'node24',
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  bundleAwsSDK: true,
  /**
   * Credential providers that the SDK's default chain loads with a dynamic import only
   * after the environment variables fail — never in Lambda, which sets them. Left out of
   * the bundle (about 130 KB of every route); if ever needed they resolve to the copies
   * in the Lambda runtime, or in node_modules locally.
   */
  externalModules: [
    '@aws-sdk/credential-provider-ini',
    '@aws-sdk/credential-provider-sso',
    '@aws-sdk/credential-provider-process',
    '@aws-sdk/credential-provider-web-identity',
    '@aws-sdk/credential-provider-login',
    '@aws-sdk/credential-provider-http',
    '@aws-sdk/nested-clients',
    '@aws-sdk/token-providers',
    '@smithy/credential-provider-imds',
  ],
  // Some CommonJS dependencies call require(); an ES module has none until we make one.
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
} as const;

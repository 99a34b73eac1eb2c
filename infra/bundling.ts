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
  /**
   * The map names files and lines but does not embed the sources: Node (`--enable-source-maps`)
   * parses the whole map when a bundle loads, and embedded sources made it ~5× larger.
   */
  sourcesContent: false,
  /**
   * Chinese text (the message catalogue) stays in esbuild's ASCII escapes (`\uXXXX`), not
   * UTF-8: UTF-8 is ~3 KB smaller a route, but one non-Latin-1 character makes V8 hold and
   * scan the whole source as two-byte, and the cold start was ~14 ms slower (30 runs each,
   * 2026-12-02).
   */
  charset: 'ascii',
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

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
  // Some CommonJS dependencies call require(); an ES module has none until we make one.
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
} as const;

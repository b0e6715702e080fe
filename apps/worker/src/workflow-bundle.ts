import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { TsconfigPathsPlugin } from 'tsconfig-paths-webpack-plugin';
import { repoRoot } from '@zs/config';

/** Workflow sources are bundled from TypeScript, never from dist: the bundler runs its own swc. */
export function workflowsEntry(): string {
  return join(repoRoot(), 'workflows/src/index.ts');
}

/** Issue 9: refuses payloads the codec marked untrusted, in every workflow type (see the module). */
export function untrustedPayloadInterceptor(): string {
  return join(repoRoot(), 'workflows/src/untrusted-payload.interceptor.ts');
}

/**
 * Bundles the workflow code once. The SDK's webpack ignores tsconfig paths, so the
 * `@zs/*` aliases are resolved by tsconfig-paths-webpack-plugin. Code built against today's
 * tsconfig gets today's interceptors; a frozen copy of older code (its own tsconfig, in the
 * upgrade tests) is bundled as it was released.
 */
export async function buildWorkflowBundle(
  workflowsPath: string = workflowsEntry(),
  tsconfigFile: string = join(repoRoot(), 'tsconfig.base.json'),
): Promise<WorkflowBundleWithSourceMap> {
  const current = tsconfigFile === join(repoRoot(), 'tsconfig.base.json');
  return bundleWorkflowCode({
    workflowsPath,
    workflowInterceptorModules: current ? [untrustedPayloadInterceptor()] : [],
    // webpack's module listing is noise in test and start-up output; warnings still show.
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.plugins = [...(config.resolve.plugins ?? []), new TsconfigPathsPlugin({ configFile: tsconfigFile })];
      return config;
    },
  });
}

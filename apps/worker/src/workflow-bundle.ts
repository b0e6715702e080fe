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
 * Evaluated once per workflow thread and shared by every workflow in it, instead of once per
 * workflow run: the SDK gives each run its own copy of every module it imports, and evaluating
 * these two (constants, catalogues, label tables) cost about 8 ms of the workflow thread per new
 * run or cache miss (a CPU profile of `npm run bench`). Safe because they keep no state of a run:
 * pure functions and constants (the SDK freezes their exports; a module-level memo such as
 * calendar-dates' day starts holds values that do not depend on which run asks).
 */
export const SHARED_WORKFLOW_MODULES = ['@zs/domain', '@zs/contracts'] as const;

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
    preloadModules: current ? [...SHARED_WORKFLOW_MODULES] : [],
    // webpack's module listing is noise in test and start-up output; warnings still show.
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.plugins = [...(config.resolve.plugins ?? []), new TsconfigPathsPlugin({ configFile: tsconfigFile })];
      return config;
    },
  });
}

import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { TsconfigPathsPlugin } from 'tsconfig-paths-webpack-plugin';
import { repoRoot } from '@zs/config';

/** Workflow sources are bundled from TypeScript, never from dist: the bundler runs its own swc. */
export function workflowsEntry(): string {
  return join(repoRoot(), 'workflows/src/index.ts');
}

/**
 * Bundles the workflow code once. The SDK's webpack ignores tsconfig paths, so the
 * `@zs/*` aliases are resolved by tsconfig-paths-webpack-plugin.
 */
export async function buildWorkflowBundle(
  workflowsPath: string = workflowsEntry(),
  tsconfigFile: string = join(repoRoot(), 'tsconfig.base.json'),
): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath,
    // webpack's module listing is noise in test and start-up output; warnings still show.
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.plugins = [...(config.resolve.plugins ?? []), new TsconfigPathsPlugin({ configFile: tsconfigFile })];
      return config;
    },
  });
}

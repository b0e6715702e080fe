import { z } from 'zod';

const unsetIfBlank = (v: unknown) => (v === '' ? undefined : v);

/** The web console (apps/web), served by the API under /ui/ from the files `npm run build:web` writes. */
export const webConsoleEnv = {
  /** false: the API serves no console (e.g. when a separate web server or CDN does). */
  WEB_CONSOLE_ENABLED: z.preprocess(unsetIfBlank, z.enum(['true', 'false'], { error: 'must be true or false' }).default('true').transform((v) => v === 'true')),
  /** Where the built console lies; default dist/web of the workspace. */
  WEB_CONSOLE_DIR: z.preprocess(unsetIfBlank, z.string().optional()),
};

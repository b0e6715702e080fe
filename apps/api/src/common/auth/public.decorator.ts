import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'zs:isPublic';

/** Opts a route out of the global bearer-token guard (login, health). Everything else needs a token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

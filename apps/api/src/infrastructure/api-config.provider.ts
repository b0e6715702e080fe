import type { Provider } from '@nestjs/common';
import type { ApiConfig } from '@zs/config';

/** Injection token of the validated ApiConfig (an interface, so it needs a token). */
export const API_CONFIG = Symbol('API_CONFIG');

export function apiConfigProvider(config: ApiConfig): Provider {
  return { provide: API_CONFIG, useValue: Object.freeze({ ...config }) };
}

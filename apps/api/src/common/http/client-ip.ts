import type { ApiRequest } from './api-request';

/** The caller's address as Express sees it (`req.ip` honours the app's `trust proxy` setting), else the socket's. */
export function clientIp(req: ApiRequest): string | null {
  const ip = (req as ApiRequest & { ip?: string }).ip ?? req.socket?.remoteAddress;
  return ip ? ip.replace(/^::ffff:/, '') : null;
}

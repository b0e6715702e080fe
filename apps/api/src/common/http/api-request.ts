import type { IncomingMessage, ServerResponse } from 'http';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/**
 * The parts of an Express request the API reads. Declared here because the workspace
 * ships no Express typings; Express's request is an IncomingMessage underneath.
 */
export interface ApiRequest extends IncomingMessage {
  originalUrl?: string;
  correlationId?: string;
  user?: AuthenticatedUser;
}

export type ApiResponse = ServerResponse;

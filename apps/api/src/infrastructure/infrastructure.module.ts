import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { ApiConfig } from '@zs/config';
import { API_CONFIG, apiConfigProvider } from './api-config.provider';
import { DATABASE_KEYS, databaseProvider, DatabaseShutdown, zoneContextProvider, zoneDatabasesProvider } from './database.provider';
import { WorkflowGateway } from './workflow.gateway';
import { temporalClientProvider, temporalConnectionProvider, TemporalRetries, TemporalShutdown } from './temporal.provider';

/** Config, database and Temporal: created once, shared by every feature module, closed on shutdown. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        apiConfigProvider(config),
        zoneContextProvider,
        zoneDatabasesProvider,
        databaseProvider,
        DatabaseShutdown,
        TemporalRetries,
        temporalConnectionProvider,
        temporalClientProvider,
        TemporalShutdown,
        WorkflowGateway,
      ],
      exports: [API_CONFIG, ...DATABASE_KEYS, Connection, Client, WorkflowGateway],
    };
  }
}

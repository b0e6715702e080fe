import { Module, type DynamicModule } from '@nestjs/common';
import type { ApiConfig } from '@zs/config';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { AuthModule } from './modules/auth/auth.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { HealthModule } from './modules/health/health.module';
import { LeadsModule } from './modules/leads/leads.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OutboxModule } from './modules/outbox/outbox.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { ReferenceDataModule } from './modules/reference-data/reference-data.module';
import { ServiceRequestsModule } from './modules/service-requests/service-requests.module';
import { SlaModule } from './modules/sla/sla.module';
import { StepOutcomesModule } from './modules/step-outcomes/step-outcomes.module';
import { ProjectionConflictsModule } from './modules/projection-conflicts/projection-conflicts.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { AuditModule } from './modules/audit/audit.module';
import { OrganisationModule } from './modules/organisation/organisation.module';
import { CampaignsModule } from './modules/campaigns/campaigns.module';
import { KpisModule } from './modules/kpis/kpis.module';
import { ZonesModule } from './modules/zones/zones.module';
import { ImportsModule } from './modules/imports/imports.module';
import { RateLimitModule } from './common/http-hardening/rate-limit';

/** Built from a validated config (not process.env), so tests can run several apps side by side. */
@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config),
        AuthModule,
        LeadsModule,
        ProjectsModule,
        ServiceRequestsModule,
        NotificationsModule,
        OutboxModule,
        TasksModule,
        SlaModule,
        StepOutcomesModule,
        ProjectionConflictsModule,
        HealthModule,
        ReferenceDataModule,
        CalendarModule,
        AuditModule,
        OrganisationModule,
        CampaignsModule,
        KpisModule,
        ZonesModule,
        ImportsModule,
        // Last: its global guard must run after the token guard (writes are counted per account).
        RateLimitModule.forRoot(config),
      ],
    };
  }
}

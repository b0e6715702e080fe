import { Module } from '@nestjs/common';
import { DepartmentWebhooksController } from './department-webhooks.controller';
import { DepartmentWebhooksService } from './department-webhooks.service';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationPreferencesService } from './notification-preferences.service';
import { OutboxAdminController } from './outbox-admin.controller';
import { OutboxAdminService } from './outbox-admin.service';

/** Alert delivery as people manage it: the outbox and department webhooks (admins), and one's own channels. */
@Module({
  controllers: [OutboxAdminController, DepartmentWebhooksController, NotificationPreferencesController],
  providers: [OutboxAdminService, DepartmentWebhooksService, NotificationPreferencesService],
})
export class OutboxModule {}

export * from './entities/user.entity';
export * from './entities/project.entity';
export * from './entities/audit-event.entity';
export * from './entities/notification.entity';
export * from './data-source';

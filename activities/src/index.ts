export * from './create-activities';
export * from './notifier/notifier';
export * from './notifier/notification-channel';
export * from './notifier/in-app.channel';

export * from './language';
export * from './localized';
export * from './field-labels';
export * from './error-code-labels';
export * from './enum-labels';

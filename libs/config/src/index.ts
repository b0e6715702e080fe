export * from './env';
export * from './repo-root';
export * from './reconciler-env';
export * from './database-roles-env';
export * from './embedded-payload-key';
export * from './audit-chain-env';
export * from './audit-verify-env';
export * from './zones-env';

export * from './env';
export * from './repo-root';
export * from './reconciler-env';

export * from './env';
export * from './repo-root';

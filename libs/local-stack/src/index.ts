export * from './binaries';
export * from './ports';
export * from './managed-process';
export * from './temporal-dev-server';
export * from './temporal-test-server';
export * from './embedded-postgres';
export * from './engine-stack';

export * from './hmac-sm3-codec';
export * from './temporal-tls';

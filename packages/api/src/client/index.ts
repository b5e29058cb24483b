export * from './http';
export * from './gateway-client';
export * from './engine-client';

export * from './gateway-requests';
export * from './pairs';
export * from './volume-form';
export * from './network-form';

export * from './gateway-requests';
export * from './pairs';
export * from './volume-form';
export * from './image-import';

export * from './gateway-requests';
export * from './pairs';
export * from './volume-form';
export * from './plugin-form';
export * from './image-form';
export * from './file';
export * from './event-window';
export * from './user-form';

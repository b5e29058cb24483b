export * from './engine/types';
export * from './errors';
export * from './gateway/types';
export * from './client';
export * from './query-keys';
export * from './view-models/container';
export * from './view-models/format';
export * from './streams/multiplex';

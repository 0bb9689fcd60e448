export * from './sites.ts';
export * from './auth.ts';
export * from './people.ts';
export * from './teaching.ts';
export * from './billing.ts';
export * from './documents.ts';
export * from './workflow.ts';
export * from './sync.ts';

export * from './check.js';
export * from './openapi.js';
export * from './requests.js';
export * from './run.js';
export * from './tokens.js';
export * from './values.js';

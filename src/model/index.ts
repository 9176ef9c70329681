/** The topology document: schema, validation, defaults (DESIGN.md §3). */
export * from './schema';
export * from './validate';
export * from './defaults';
export * from './defaultsL3';
export { topologyJsonSchema } from './jsonSchema';
export * from './ip';
export { declaredInterfaces, upstreamAddress } from './validateL3';
export type { DeclaredInterface } from './validateL3';
export * from './failoverReport';
export * from './lineRate';

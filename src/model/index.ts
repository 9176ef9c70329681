/** The topology document: schema, validation, defaults (DESIGN.md §3). */
export * from './schema';
export * from './validate';
export * from './defaults';
export { topologyJsonSchema } from './jsonSchema';

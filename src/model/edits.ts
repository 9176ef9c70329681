/**
 * Pure edits of the topology document (style guide §3, "Edits"): each takes a document and
 * returns a new one, or a refusal with an i18n key, and never an invalid document — every result
 * is run through `validateTopology`. The topology store calls these; unit tests call them
 * without React. One file per part of the document lives in `edits/`.
 */
export * from './edits/result';
export * from './edits/devices';
export * from './edits/links';
export * from './edits/lags';
export * from './edits/remove';
export * from './edits/cidr';
export * from './edits/interfaces';
export * from './edits/hosts';
export * from './edits/routes';
export * from './edits/vrrp';
export * from './edits/vrrpMembers';
export * from './edits/anycast';
export * from './edits/probes';
export * from './edits/stp';
export * from './edits/bonds';
export * from './edits/mclag';
export * from './edits/mclagPorts';
export * from './edits/flows';

/** IPv4 routing for routers, L3 switches and upstreams (RFC 1812 basics); see README.md. */
export { IpStack } from './ipStack';
export type { InterfaceListener, IpStackContext, VirtualAddress, VrrpListener } from './ipStack';
export type { IpInterface, IpInterfaceKind } from './interfaces';
export { interfacesOf, interfaceUp, macKey } from './interfaces';
export { Neighbours } from './neighbours';
export type { RouteChoice } from './routing';
export { connectedInterface, lookupRoute } from './routing';

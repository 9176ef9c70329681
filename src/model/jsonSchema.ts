/**
 * The JSON Schema of the topology document, generated from the zod schema so the two cannot
 * drift. `npm run schema` writes it to `docs/topology.schema.json`; a test checks the file is current.
 */
import { z } from 'zod';
import { TopologySchema } from './schema';

/** JSON Schema (draft 2020-12) of topology document version 1. */
export function topologyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(TopologySchema, { target: 'draft-2020-12' });
  return {
    ...schema,
    $id: 'https://topolab.example/schema/topology-v1.json',
    title: 'TopoLab topology document, version 1',
    description: 'Devices with ports, links, LACP link aggregation groups and a fault scenario. See docs/topology.md.',
  };
}

import { z } from 'zod';
import { contract, METHOD_NAMES } from '../../shared/contract';
import { TOPICS, TOPIC_NAMES } from '../../shared/topics';

export interface MethodDescription {
  method: string;
  http: string;
  kind: 'read' | 'write';
  access: 'public' | 'signedIn' | string[];
  summary: string;
  inputSchema: unknown;
}

/** The integration API described from the contract: served at `GET /api` and written to docs/api.md. */
export function describeApi() {
  const methods: MethodDescription[] = METHOD_NAMES.map((name) => {
    const def = contract[name];
    return {
      method: name,
      http: `POST /api/${name}`,
      kind: def.kind,
      access: def.access === 'public' || def.access === 'signedIn' ? def.access : [...def.access],
      summary: def.summary,
      inputSchema: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
    };
  });
  const topics = TOPIC_NAMES.map((name) => ({ topic: name, access: TOPICS[name].access, summary: TOPICS[name].summary }));
  return { methods, topics };
}

import { errors } from '@strapi/utils';
import { MAX_ROW_ID } from '@buurtplein/plugin-kit';
import type { Decision } from '../../../../shared/queue';

const DECISIONS: Decision[] = ['approve', 'remove'];

/** `{ type, id, decision }` and nothing else. */
export function decisionBody(body: unknown): { type: string; id: number; decision: Decision } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new errors.ValidationError('Send { "type": "…", "id": 1, "decision": "approve" | "remove" }');
  const { type, id, decision, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length) throw new errors.ValidationError(`Unknown fields: ${Object.keys(rest).join(', ')}`);
  if (typeof type !== 'string' || !/^[a-z0-9-]+\.[a-z0-9-]+$/.test(type)) throw new errors.ValidationError('type must name a moderated type, like "idea-support.comment"');
  if (!Number.isSafeInteger(id) || (id as number) < 1 || (id as number) > MAX_ROW_ID) throw new errors.ValidationError('id must be a positive whole number');
  if (!DECISIONS.includes(decision as Decision)) throw new errors.ValidationError('decision must be "approve" or "remove"');
  return { type, id: id as number, decision: decision as Decision };
}

/**
 * A plugin's content type whose rows show up in public answers (idea-support's
 * supports and comments) says so in its schema.json:
 *
 *   "pluginOptions": { "buurtplein": { "shownPublicly": true } }
 *
 * The app's response cache starts a new generation on writes to such a type,
 * so the cache names no plugin and a new plugin only marks its own schema.
 */
export const SHOWN_PUBLICLY_OPTION = 'buurtplein' as const;

interface SchemaLike {
  pluginOptions?: Record<string, unknown>;
}

export const isShownPublicly = (schema: SchemaLike | undefined): boolean =>
  (schema?.pluginOptions?.[SHOWN_PUBLICLY_OPTION] as { shownPublicly?: unknown } | undefined)?.shownPublicly === true;

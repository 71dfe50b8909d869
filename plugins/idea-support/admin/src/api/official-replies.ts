import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';

/** An official reply as GET/POST /idea-support/initiatives/:documentId/official-replies return it (admin API). */
export interface OfficialReply {
  id: number;
  authorName: string;
  body: string;
  createdAt: string;
}

type State = { status: 'loading' } | { status: 'forbidden' } | { status: 'error' } | { status: 'done'; replies: OfficialReply[] };

/** The initiative's official replies, and `post` to add one; a role without the permission sees `forbidden`. */
export function useOfficialReplies(documentId: string) {
  const { get, post } = useFetchClient();
  const [state, setState] = React.useState<State>({ status: 'loading' });
  const path = `/${PLUGIN_ID}/initiatives/${documentId}/official-replies`;

  const load = React.useCallback(() => {
    let current = true;
    get<{ data: OfficialReply[] }>(path)
      .then(({ data }) => current && setState({ status: 'done', replies: data.data }))
      .catch((error: { status?: number; response?: { status?: number } }) => current && setState({ status: (error.response?.status ?? error.status) === 403 ? 'forbidden' : 'error' }));
    return () => {
      current = false;
    };
  }, [get, path]);

  React.useEffect(load, [load]);

  const send = React.useCallback(
    async (body: string) => {
      const { data } = await post<{ data: OfficialReply }>(path, { data: { body } });
      setState((before) => ({ status: 'done', replies: [data.data, ...(before.status === 'done' ? before.replies : [])] }));
    },
    [post, path]
  );

  return { state, send };
}

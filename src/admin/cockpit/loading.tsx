import * as React from 'react';
import { Loader, Typography } from '@strapi/design-system';

/** What loads: a spinner while it does, a sentence when it failed, else what `children` draws with it. */
export function Loading<T>({ data, texts, children }: { data: T | null | 'error'; texts: { loading: string; loadFailed: string }; children: (data: T) => React.ReactNode }) {
  if (data === null) return <Loader small>{texts.loading}</Loader>;
  if (data === 'error') return <Typography textColor="danger600">{texts.loadFailed}</Typography>;
  return <>{children(data)}</>;
}

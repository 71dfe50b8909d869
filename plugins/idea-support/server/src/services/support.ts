import type { Core } from '@strapi/strapi';

export interface SupportStatus {
  supportCount: number;
  supported: boolean;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const initiativeUid = () => (strapi.config.get('plugin::idea-support') as { initiativeUid: string }).initiativeUid;

  return {
    /** The public count of a published, non-archived initiative; null when there is none. */
    async getStatus(documentId: string): Promise<SupportStatus | null> {
      const initiative = await strapi.documents(initiativeUid() as any).findFirst({
        filters: { documentId, archivedAt: { $null: true } },
        status: 'published',
        fields: ['supportCount'],
      });
      if (!initiative) return null;
      // The supports ledger arrives with the support endpoints; until then nobody has supported.
      return { supportCount: initiative.supportCount ?? 0, supported: false };
    },
  };
};

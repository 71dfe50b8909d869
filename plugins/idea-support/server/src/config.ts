export interface IdeaSupportConfig {
  /** The content type residents support; it needs an integer `supportCount` and an `archivedAt` datetime. */
  initiativeUid: string;
}

export default {
  default: {
    initiativeUid: 'api::initiative.initiative',
  } satisfies IdeaSupportConfig,
  validator(config: Partial<IdeaSupportConfig>) {
    if (typeof config.initiativeUid !== 'string' || !/^api::[\w-]+\.[\w-]+$/.test(config.initiativeUid)) {
      throw new Error('[idea-support] config.initiativeUid must be a content-type uid like "api::initiative.initiative"');
    }
  },
};

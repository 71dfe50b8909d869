export interface IdeaSupportConfig {
  /** The content type residents support: it needs supportCount, thresholdReachedAt, archivedAt and supportUntil. */
  initiativeUid: string;
  /** Supports at which staff are told, once, that an initiative has enough backing. */
  threshold: number;
  /** Who gets that mail. */
  notifyEmails: string[];
  /** The user field shown as a comment's author: a name the person chose, never anything from their email address. */
  authorNameField: string;
  /** Shown as the author of staff's official replies: "Gemeente Zwolle". */
  officialName: string;
}

export default {
  default: {
    initiativeUid: 'api::initiative.initiative',
    threshold: 50,
    notifyEmails: [],
    authorNameField: 'displayName',
    officialName: 'Gemeente',
  } satisfies IdeaSupportConfig,
  validator(config: Partial<IdeaSupportConfig>) {
    if (typeof config.initiativeUid !== 'string' || !/^api::[\w-]+\.[\w-]+$/.test(config.initiativeUid)) {
      throw new Error('[idea-support] config.initiativeUid must be a content-type uid like "api::initiative.initiative"');
    }
    if (!Number.isInteger(config.threshold) || (config.threshold as number) < 1) {
      throw new Error('[idea-support] config.threshold must be a whole number of at least 1');
    }
    if (!Array.isArray(config.notifyEmails) || config.notifyEmails.some((e) => typeof e !== 'string' || !e.includes('@'))) {
      throw new Error('[idea-support] config.notifyEmails must be a list of email addresses');
    }
    if (typeof config.authorNameField !== 'string' || !config.authorNameField || ['email', 'username'].includes(config.authorNameField)) {
      throw new Error('[idea-support] config.authorNameField must name a user field other than email or username, e.g. "displayName"');
    }
    if (typeof config.officialName !== 'string' || !config.officialName.trim() || config.officialName.length > 100) {
      throw new Error('[idea-support] config.officialName must be the name official replies are signed with, e.g. "Gemeente Zwolle" (1 to 100 characters)');
    }
  },
};

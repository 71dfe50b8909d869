export interface ModerationConfig {
  /** Reports (each from a different person) after which an item is hidden until staff decide. */
  reportsToHide: number;
}

export default {
  default: { reportsToHide: 3 } satisfies ModerationConfig,
  validator(config: Partial<ModerationConfig>) {
    if (!Number.isInteger(config.reportsToHide) || (config.reportsToHide as number) < 1) {
      throw new Error('[moderation] config.reportsToHide must be a whole number of at least 1');
    }
  },
};

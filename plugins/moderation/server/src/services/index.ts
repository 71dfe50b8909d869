import moderation from './moderation';

export default { moderation };

import { publicReadController } from '../../../lib/public-read-controller';

export default publicReadController('api::activity.activity', { fastList: true });

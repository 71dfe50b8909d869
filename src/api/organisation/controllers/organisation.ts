import { publicReadController } from '../../../lib/public-read-controller';

export default publicReadController('api::organisation.organisation', { fastList: true });

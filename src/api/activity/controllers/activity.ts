import { publicReadController } from '../../../public-reads/public-read-controller';

export default publicReadController('api::activity.activity', { fastList: true });

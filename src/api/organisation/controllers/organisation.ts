import { publicReadController } from '../../../public-reads/public-read-controller';

export default publicReadController('api::organisation.organisation', { fastPath: true });

import { visibleReadController } from '../../../visibility/visible-read-controller';

export default visibleReadController('api::group.group');

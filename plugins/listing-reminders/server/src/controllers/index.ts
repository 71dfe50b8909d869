import admin from './admin';
import confirm from './confirm';

export default { admin, confirm };

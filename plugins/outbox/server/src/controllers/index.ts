import admin from './admin';
import unsubscribe from './unsubscribe';

export default { admin, unsubscribe };

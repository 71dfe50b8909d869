import messageSchema from './message/schema.json';
import unsubscribeSchema from './unsubscribe/schema.json';

export default {
  message: { schema: messageSchema },
  unsubscribe: { schema: unsubscribeSchema },
};

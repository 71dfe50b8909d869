import sendLogSchema from './send-log/schema.json';
import templateSchema from './template/schema.json';
import runSchema from './run/schema.json';

export default {
  'send-log': { schema: sendLogSchema },
  template: { schema: templateSchema },
  run: { schema: runSchema },
};

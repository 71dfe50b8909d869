import runSchema from './run/schema.json';
import archiveRecordSchema from './archive-record/schema.json';
import noticeSchema from './notice/schema.json';

export default {
  run: { schema: runSchema },
  'archive-record': { schema: archiveRecordSchema },
  notice: { schema: noticeSchema },
};

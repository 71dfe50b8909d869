import commentSchema from './comment/schema.json';
import commentReportSchema from './comment-report/schema.json';
import supportSchema from './support/schema.json';

export default {
  support: { schema: supportSchema },
  comment: { schema: commentSchema },
  'comment-report': { schema: commentReportSchema },
};

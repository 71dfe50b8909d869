import reportSchema from './report/schema.json';

export default { report: { schema: reportSchema } };

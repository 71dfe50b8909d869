import supportSchema from './support/schema.json';

export default {
  support: { schema: supportSchema },
};

import outbox from './outbox';

export default { outbox };

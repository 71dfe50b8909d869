import reminders from './reminders';
import templates from './templates';
import confirmations from './confirmations';
import stats from './stats';

export default { reminders, templates, confirmations, stats };

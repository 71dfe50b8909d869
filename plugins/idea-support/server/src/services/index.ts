import comments from './comments';
import support from './support';

export default { support, comments };

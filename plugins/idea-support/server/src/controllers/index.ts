import adminReplies from './admin-replies';
import adminStats from './admin-stats';
import comments from './comments';
import support from './support';

export default { support, comments, 'admin-stats': adminStats, 'admin-replies': adminReplies };
